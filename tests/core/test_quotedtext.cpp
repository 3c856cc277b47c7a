// inQuotes(): a quotation in typographic double quotes, the double quotes inside it single,
// opening and closing by where they stand. quoted(): file text in a message, escaped and cut.

#include "testproject.h"
#include "testsupport.h"
#include "text/quotedtext.h"

#include <gtest/gtest.h>

using namespace claimline;

TEST(QuotedText, PlainTextIsPutInDoubleQuotes)
{
    EXPECT_EQ(inQuotes(QStringLiteral("a complete fabrication")),
              QStringLiteral("“a complete fabrication”"));
    EXPECT_EQ(inQuotes(QString()), QStringLiteral("“”"));
}

TEST(QuotedText, DoubleQuotesInsideBecomeSingle)
{
    // Curly, in the middle and at the end.
    EXPECT_EQ(inQuotes(QStringLiteral("described the attack as “state terrorism”")),
              QStringLiteral("“described the attack as ‘state terrorism’”"));
    // Straight, at the start and after a comma.
    EXPECT_EQ(inQuotes(QStringLiteral("\"No one should accept it,\" Kallas wrote.")),
              QStringLiteral("“‘No one should accept it,’ Kallas wrote.”"));
    // The whole text quoted.
    EXPECT_EQ(inQuotes(QStringLiteral("“very angry”")), QStringLiteral("“‘very angry’”"));
    EXPECT_EQ(inQuotes(QStringLiteral("\"very angry\"")), QStringLiteral("“‘very angry’”"));
}

TEST(QuotedText, TheDirectionFollowsThePlaceNotTheMarkTyped)
{
    // A closing mark typed as an opening one (and the other way round) is turned.
    EXPECT_EQ(inQuotes(QStringLiteral("as “state terrorism“ and")),
              QStringLiteral("“as ‘state terrorism’ and”"));
    EXPECT_EQ(inQuotes(QStringLiteral("as ”state terrorism” and")),
              QStringLiteral("“as ‘state terrorism’ and”"));
    // Opening after brackets, dashes and line breaks; closing after punctuation.
    EXPECT_EQ(inQuotes(QStringLiteral("(\"a\") —\"b\"\n\"c.\"")),
              QStringLiteral("“(‘a’) —‘b’\n‘c.’”"));
    // Two quotations side by side.
    EXPECT_EQ(inQuotes(QStringLiteral("\"a\" and \"b\"")), QStringLiteral("“‘a’ and ‘b’”"));
}

TEST(QuotedText, SingleQuotesAndApostrophesAreKept)
{
    EXPECT_EQ(inQuotes(QStringLiteral("Putin's 'attack' and Russia’s ‘bluster’")),
              QStringLiteral("“Putin's 'attack' and Russia’s ‘bluster’”"));
}

TEST(QuotedText, AMessageQuotesEscapesAndCuts)
{
    EXPECT_EQ(claimline::quoted("a \"b\"\n"), "\"a \\\"b\\\"\\n\"");
    EXPECT_EQ(claimline::quoted("Київ\xff"), "\"Київ\\xFF\"");
    EXPECT_EQ(claimline::quoted(std::string(70, 'x')), "\"" + std::string(60, 'x') + "…\"");
}
