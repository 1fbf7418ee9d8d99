"""The lowest layer beside `errors` and `files`: how text is compared (`folding.py`) and the
forms in which a person, a sum of money or a date can be written (`forms.py`).

Everything that compares text imports it: the scan, the release plan, the sweep and the
independent leak check. Sharing the definition of "the same text" is what lets the scan's
"already decided" and the release's "withheld" mean the same thing; the leak check still
shares no matcher and no list of parts with the sweep.
"""
