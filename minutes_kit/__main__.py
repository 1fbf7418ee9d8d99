from minutes_kit.cli import app

app(prog_name="minutes")
