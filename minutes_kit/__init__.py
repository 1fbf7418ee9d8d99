"""minutes-kit: structured meeting records to Word minutes, action logs and FOI releases."""
