// languageTagProblem(): what the Inspector takes for a language, and why it refuses the rest.

#include "text/languagetag.h"

#include <gtest/gtest.h>

using namespace claimline;

TEST(LanguageTag, TagsAsPeopleWriteThemPass)
{
    for (const char *tag : {"en", "ru", "uk", "fil", "EN", " de ", "pt-BR", "zh-Hant", "sr-Latn-RS",
                            "es-419", "x-klingon", "i-navajo", "en-GB-oxendict"})
        EXPECT_TRUE(languageTagProblem(QString::fromUtf8(tag)).isEmpty()) << tag;
}

TEST(LanguageTag, OtherTextIsRefusedWithAReason)
{
    const struct
    {
        const char *text;
        const char *reason;
    } cases[] = {
        {"", "such as en"},
        {"   ", "such as en"},
        {"English", "two or three letters"},
        {"e", "two or three letters"},
        {"r1", "two or three letters"},
        {"ру", "two or three letters"}, // not ASCII
        {"en_GB", "hyphen, not an underscore"},
        {"en-", "one to eight letters or digits"},
        {"en--GB", "one to eight letters or digits"},
        {"de-verylongsubtag", "one to eight letters or digits"},
        {"pt-BR!", "one to eight letters or digits"},
        {"x", "private-use"},
    };
    for (const auto &c : cases) {
        const QString problem = languageTagProblem(QString::fromUtf8(c.text));
        EXPECT_TRUE(problem.contains(QLatin1String(c.reason)))
            << c.text << ": " << problem.toStdString();
    }
}
