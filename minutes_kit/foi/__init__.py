"""The response to an FOI request: the letter sent with the releases, and its statutory deadline.

- `deadline.py`: working days (no weekend, no bank holiday anywhere in the UK) and the due date;
- `request.py`: the request file, and its check against the audit logs of its releases: the
  exemptions cited are exactly those used;
- `letter.py`: the letter, rendered from `minutes_kit/templates/foi_response.docx` and read back by
  the independent leak check before it is written.
"""

from __future__ import annotations

from minutes_kit.foi.deadline import due_date, is_working_day
from minutes_kit.foi.letter import ResponseResult, write_response
from minutes_kit.foi.request import FoiRequest, load_request

__all__ = ["FoiRequest", "ResponseResult", "due_date", "is_working_day", "load_request", "write_response"]
