"""Post text, names and handles are written by strangers: nothing they write may add a header, run in
the HTML, load a remote picture, disguise a link, or pull a secret into an email."""

from __future__ import annotations

import email
from email import policy
from html.parser import HTMLParser

import pytest

from monitor.alerts import deliver_pending, plan_alerts, queue_digest
from monitor.alerts.headers import header_text
from monitor.alerts.outbox import list_messages
from monitor.secrets import register

CRLF_HANDLE = "@evil\r\nBcc: victim@evil.example\r\nX-Injected: yes\r\n\r\n<b>body</b>"
HOSTILE_TEXT = (
    'Nice post <script>alert("x")</script> <img src="http://tracker.evil.example/p.gif" onerror="alert(1)"> '
    '<a href="https://evil.example/login">https://harbourlight.example/login</a> '
    '"><iframe src=//evil.example></iframe> <style>body{background:url(http://evil.example/bg.png)}</style> '
    "I want to end it all \x1b[31mRED\x1b[0m \u202eevil\u202c"
)

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "div", "p", "span", "strong", "h1", "h2", "h3", "a",
                "blockquote", "mark", "ul", "li", "table", "tr", "td", "img", "code", "br"}


class TagAudit(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._in_a: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "a":
            self._in_a = {"href": a.get("href"), "text": ""}

    def handle_data(self, data):
        self.text.append(data)
        if self._in_a is not None:
            self._in_a["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._in_a is not None:
            self.tags.append(("/a", self._in_a))
            self._in_a = None


def _audit_html(html: str) -> TagAudit:
    audit = TagAudit()
    audit.feed(html)
    for tag, attrs in audit.tags:
        if tag == "/a":
            # A link's visible text is its real target.
            assert attrs["text"].strip() == attrs["href"], attrs
            assert attrs["href"].startswith(("https://", "http://"))
            continue
        assert tag in ALLOWED_TAGS, f"unexpected <{tag}> in the email"
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        if tag == "img":
            assert attrs["src"].startswith("cid:"), f"remote or inline picture {attrs['src']!r}"
    assert "url(http" not in html and "//evil.example" not in [a.get("src") for _, a in audit.tags]
    return audit


def _queue_hostile(store, add_finding, **extra) -> None:
    add_finding(store, author_handle=CRLF_HANDLE, excerpt=HOSTILE_TEXT,
                reasons=["<script>alert(2)</script> mentions ending their life"],
                evidence=[{"text": "end it all"}, {"text": "<img src=http://evil.example/e.png>"}],
                action='Reply "<b>now</b>"', rule="crisis\r\nX-Rule: injected", **extra)


def test_crlf_in_untrusted_text_never_becomes_a_header(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server)
    store = store_for(config)
    _queue_hostile(store, add_finding)
    assert plan_alerts(store, config) == 1
    assert deliver_pending(store, config).sent == 1
    [got] = smtp_server.messages
    assert got.rcpt_tos == ["admin@harbourlight.example"]  # the envelope: configured addresses only
    msg = got.message
    names = [k.lower() for k in msg.keys()]
    assert "bcc" not in names and "x-injected" not in names and "x-rule" not in names
    assert sorted(names) == sorted(["subject", "from", "to", "date", "message-id", "auto-submitted",
                                    "x-auto-response-suppress", "x-practice-monitor-kind",
                                    "x-practice-monitor-findings", "mime-version", "content-type"])
    subject = msg["Subject"]
    assert "\r" not in subject and "\n" not in subject and len(subject) <= 120
    # In the raw bytes, no line starts with an injected header.
    header_block = got.raw.split(b"\r\n\r\n", 1)[0]
    assert not any(line.startswith((b"Bcc", b"X-Injected")) for line in header_block.split(b"\r\n"))


def test_html_is_escaped_everywhere_and_loads_nothing_remote(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    _queue_hostile(store, add_finding)
    add_finding(store, category="booking", severity="normal", author_handle="<script>x</script>", excerpt=HOSTILE_TEXT,
                evidence=[{"text": "<script>"}])
    plan_alerts(store, config)
    queue_digest(store, config)
    messages = list_messages(store)
    assert len(messages) == 2
    for m in messages:
        msg = email.message_from_bytes(bytes(m.raw), policy=policy.default)
        html = msg.get_body(("html",)).get_content()
        assert "<script" not in html.lower() and "<iframe" not in html.lower()
        assert "&lt;script&gt;" in html  # shown, as text
        audit = _audit_html(html)
        shown = "".join(audit.text)
        assert "<script>alert(2)</script>" in shown or "<script>" in shown  # the admin still sees what was written
        text = msg.get_body(("plain",)).get_content()
        assert "\x1b" not in text and "\u202e" not in text and "\x1b" not in html


def test_links_show_their_real_target_and_only_web_links_are_clickable(make_config, store_for, add_finding):
    config = make_config()
    store = store_for(config)
    add_finding(store, profile="p1", item_url="javascript:alert(document.cookie)")
    add_finding(store, profile="p2", item_url='https://evil.example/x" onmouseover="alert(1)')
    plan_alerts(store, config)
    for m in list_messages(store):
        html = email.message_from_bytes(bytes(m.raw), policy=policy.default).get_body(("html",)).get_content()
        audit = _audit_html(html)
        hrefs = [a.get("href") for t, a in audit.tags if t == "a"]
        assert all(h.startswith("https://") for h in hrefs)
        if "p1" in m.subject:
            assert hrefs == [] and "javascript:alert(document.cookie)" in "".join(audit.text)
            assert "(not a web link)" in html


def test_a_registered_secret_never_appears_in_an_email(make_config, store_for, add_finding):
    secret = "EAAG-super-secret-token-8f3k2"
    register(secret)
    config = make_config()
    store = store_for(config)
    add_finding(store, excerpt=f"my token is {secret} please end it all", author_handle=f"@{secret}",
                item_url=f"https://graph.example/123?access_token={secret}&fields=id",
                reasons=[f"failed with token {secret}"], evidence=[{"text": secret}, {"text": "end it all"}],
                action=f"rotate {secret}")
    add_finding(store, category="booking", severity="normal", excerpt=f"token={secret}")
    plan_alerts(store, config)
    queue_digest(store, config)
    deliver_pending(store, config)
    files = list(config.email.outbox_dir.glob("*.eml"))
    assert len(files) == 2
    for f in files:
        raw = f.read_bytes()
        msg = email.message_from_bytes(raw, policy=policy.default)
        decoded = "".join(p.get_content() for p in msg.walk() if p.get_content_maintype() == "text")
        for blob in (decoded, str(msg["Subject"]), raw.decode("ascii", "replace")):
            assert secret not in blob
        assert "[redacted]" in decoded


@pytest.mark.parametrize(
    "value",
    [
        "a\r\nBcc: x@evil.example",
        "a\nb\rc\x00d\x1be\u2028f\u2029g\u0085h",
        "\u202eright-to-left override\u202c and zero\u200bwidth",
        "x" * 500,
        "😀 émoji and accents " * 20,
    ],
)
def test_header_text_is_one_clean_line_of_bounded_length(value):
    out = header_text(value)
    assert len(out) <= 120
    assert not any(ch in out for ch in "\r\n\x00\x1b\u2028\u2029\u0085\u202e\u202c\u200b")
    assert out == out.strip() and "  " not in out


def test_non_ascii_subjects_are_encoded_and_survive_the_round_trip(smtp_server, make_config, store_for, add_finding):
    config = make_config(smtp_server)
    store = store_for(config)
    add_finding(store, author_handle="@zoë_😀_東京")
    plan_alerts(store, config)
    deliver_pending(store, config)
    [got] = smtp_server.messages
    header_block = got.raw.split(b"\r\n\r\n", 1)[0]
    assert all(b < 128 for b in header_block)  # RFC 2047 encoded words, 7-bit headers
    assert "@zoë_😀_東京" in got.message["Subject"]


def test_an_expired_token_alert_explains_itself_without_the_token(make_config, store_for, add_finding):
    token = "IGQVJ-expired-token-0123456789"
    register(token)
    config = make_config()
    store = store_for(config)
    add_finding(store, profile="practice-instagram", platform="instagram", category="profile_error", severity="high",
                item_id=None, item_url=None, author_handle=None, excerpt=None, evidence=[], rule="profile_error.auth",
                reasons=["Profile 'practice-instagram' (instagram) could not be read.", "The access token was rejected."],
                action="Create a new access token for this profile.",
                details={"message": f"401 from https://graph.example/me?access_token={token}: session expired"})
    assert plan_alerts(store, config) == 1
    [m] = list_messages(store)
    msg = email.message_from_bytes(bytes(m.raw), policy=policy.default)
    text = msg.get_body(("plain",)).get_content()
    assert "Profile could not be read" in m.subject
    assert "What the platform answered: 401" in text and "session expired" in text
    assert token not in text and token not in msg.get_body(("html",)).get_content()
