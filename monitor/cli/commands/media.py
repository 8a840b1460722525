"""`media index [DIR]` and `media check FILE... [--json]`: the approved library and single images.

`media index` brings the index of the approved folder up to date (only new or changed files are read;
removed files leave the index), with a progress bar on a terminal and a one-line summary otherwise.

`media check` first refreshes the index the same way when the library folder is there (a quick look
at file sizes and times when nothing changed; `--no-index` skips it), so a picture added to the folder
a minute ago counts as approved. Verdicts that flag an image are results, not failures: the exit code
is 0; it is 2 only for usage errors such as a file that does not exist.
"""

from __future__ import annotations

import sys
from pathlib import Path

from monitor.errors import EXIT_OK, EXIT_USAGE, MonitorError


def register(sub, common) -> None:
    p = sub.add_parser("media", parents=[common], help="the approved media library: index it, check images against it")
    msub = p.add_subparsers(dest="media_command", metavar="{index,check}")
    pi = msub.add_parser("index", parents=[common], help="(re)index the approved library, incrementally")
    pi.add_argument("dir", nargs="?", metavar="DIR", help="the approved folder (default: [media] library in the config)")
    pi.add_argument("--json", action="store_true", help="print the summary as JSON")
    pi.set_defaults(func=handle_index)
    pc = msub.add_parser("check", parents=[common], help="check images against the approved library")
    pc.add_argument("files", nargs="+", metavar="FILE", help="image files to check")
    pc.add_argument("--json", action="store_true", help="print a JSON array, one object per file")
    pc.add_argument("--no-index", action="store_true", help="do not refresh the library index first")
    pc.set_defaults(func=handle_check)
    p.set_defaults(func=lambda args, ctx: _usage(p))


def _usage(parser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_USAGE


def handle_index(args, ctx) -> int:
    from monitor.media.library import index_library

    folder = Path(args.dir) if args.dir else ctx.config.media.library
    report = index_library(ctx.store, folder, progress=sys.stderr.isatty() and not args.json, settings=ctx.config.media)
    if args.json:
        ctx.print_json(report.to_dict())
    else:
        print(report.summary())
        for path, reason in report.failed:
            print(f"  skipped {path}: {reason}", file=sys.stderr)
    return EXIT_OK


def handle_check(args, ctx) -> int:
    from monitor.media.library import LibraryIndex, index_library
    from monitor.media.verdict import judge, unreadable
    from monitor.media.safety import read_capped
    from monitor.errors import UnsafeMedia

    files = [Path(f) for f in args.files]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        print(f"error: no such file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    folders = [str(f) for f in files if f.is_dir()]
    if folders:
        print(f"error: {', '.join(folders)} is a folder; give image files (e.g. {folders[0]}/*.jpg)", file=sys.stderr)
        return EXIT_USAGE
    config, store = ctx.config, ctx.store
    library = config.media.library
    if not args.no_index and library.is_dir():
        report = index_library(store, library, progress=False, settings=config.media)
        if report.added or report.updated or report.removed:
            print(report.summary(), file=sys.stderr)
    index = LibraryIndex.load(store)
    if len(index) == 0:
        where = f"{library} is missing or holds no images" if not library.is_dir() or args.no_index is False else "the index is empty"
        print(f"warning: the approved library is empty ({where}); every image will be 'unknown'. "
              "Put the approved pictures in [media] library and run `practice-monitor media index`.", file=sys.stderr)
    results = []
    for f in files:
        try:
            data = read_capped(f, config.media.max_image_bytes)
        except UnsafeMedia as exc:
            verdict = unreadable(str(exc))
        else:
            verdict = judge(data, index, config.media, name=str(f))
        results.append((f, verdict))
    if args.json:
        ctx.print_json([
            {"path": str(f), "verdict": v.verdict, "nearest": v.nearest, "distance": v.distance, "reasons": v.reasons,
             "marker": v.marker, "distances": v.distances}
            for f, v in results
        ])
    else:
        for f, v in results:
            near = f" (nearest approved image: {v.nearest}, pHash distance {v.distance})" if v.nearest else ""
            print(f"{f}: {v.verdict}{near}")
            for r in v.reasons:
                print(f"    - {r}")
    return EXIT_OK


__all__ = ["register", "MonitorError"]
