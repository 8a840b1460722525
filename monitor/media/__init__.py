"""The approved media library and the altered / AI-generated image check.

Modules, in the order an image goes through them:
- safety      opening untrusted bytes: size cap, type sniffing, pixel limit, JPEG draft decoding
- provenance  generative-AI markers in the raw bytes (C2PA, IPTC DigitalSourceType, generator PNG text, EXIF Software)
- hashing     pHash/dHash (imagehash-compatible), the eight orientations, crop windows, tilts, colour hash
- library     indexing the approved folder into the store; LibraryIndex: numpy XOR/popcount search
- compare     alignment (orientation, crop, tilt) and region-by-region comparison at a common scale
- verdict     judge(): approved, approved_variant, altered, unknown, ai_marked, unreadable, with reasons
- cache       judge_media(): each posted image fetched and judged once (MediaCheck)
- thumbs      small JPEG thumbnails for the alert emails
- synthetic   photo-like generated pictures and variants for the evaluation, the tests and the bench

Thresholds are the [media] keys of the configuration (monitor.config.model.MediaConfig); their
defaults come from bench/media_eval.py.
"""
