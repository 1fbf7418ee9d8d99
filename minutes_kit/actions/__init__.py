"""Action points across a meeting series: loading the series, the register, action logs, carry-forward."""
