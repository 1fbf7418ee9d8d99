from minutes_kit.record.markup import Marked, PersonMention, Plain, segments, tag
from minutes_kit.record.mentions import find_mentions


def test_email_addresses_are_not_mentions():
    assert [m.key for m in find_mentions("write to ann.bishop@dept.example.gov.uk or @cd")] == ["cd"]


def test_mention_spans_cover_the_key():
    [mention] = find_mentions("ask @cd_2 today")
    assert (mention.key, mention.start, mention.end) == ("cd_2", 4, 9)


def test_text_splits_into_plain_mentions_and_marked_spans():
    text = "@ab thanked @cd's team for [[S43: £12,345]] and [[S40(2): @ab]]."
    assert list(segments(text)) == [
        PersonMention("ab"), Plain(" thanked "), PersonMention("cd"), Plain("'s team for "),
        Marked("S43", "£12,345", 27, 43), Plain(" and "), Marked("S40(2)", "@ab", 48, 63), Plain("."),
    ]


def test_generated_values_carry_their_category():
    [span] = segments(tag("money", "£1,250"))
    assert span.category == "money" and span.text == "£1,250"
    assert Marked("S43", "x", 0, 1).category is None
