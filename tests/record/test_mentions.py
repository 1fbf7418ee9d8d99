from minutes_kit.record.mentions import find_mentions, replace_mentions

NAMES = {"ab": "Ann Bishop", "cd": "Colin Drew"}


def test_mentions_render_as_names_with_possessives():
    text = "@ab thanked @cd's team (see @ab)."
    assert replace_mentions(text, NAMES.__getitem__) == "Ann Bishop thanked Colin Drew's team (see Ann Bishop)."


def test_email_addresses_are_not_mentions():
    assert [m.key for m in find_mentions("write to ann.bishop@dept.example.gov.uk or @cd")] == ["cd"]


def test_mention_spans_cover_the_key():
    [mention] = find_mentions("ask @cd_2 today")
    assert (mention.key, mention.start, mention.end) == ("cd_2", 4, 9)
