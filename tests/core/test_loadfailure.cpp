// LoadFailure: the kind of a failed load, from the real reader's problems. A file cut off
// anywhere (inside a string, between tokens, inside a literal, a number, an escape or a UTF-8
// character) is Truncated; the same bytes damaged before the end are NotJson; and every other
// kind the window has plain words for is told apart.

#include "format/loadfailure.h"
#include "format/projectreader.h"
#include "testsupport.h"

#include <QByteArray>
#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace claimline;

namespace {

class LoadFailureTest : public ::testing::Test
{
protected:
    // Writes `bytes` to a file, loads it with the real reader and classifies the problems.
    LoadFailure kindOf(const QByteArray &bytes, Problems *problems = nullptr)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1.claimline").arg(m_count++));
        EXPECT_TRUE(test::writeFile(path, bytes));
        const LoadResult result = loadProject(path);
        if (problems)
            *problems = result.problems;
        return classifyLoadFailure(result.problems, path);
    }

    QTemporaryDir m_dir;
    int m_count = 0;
};

const char *name(LoadFailure kind)
{
    switch (kind) {
    case LoadFailure::None:
        return "None";
    case LoadFailure::Unreadable:
        return "Unreadable";
    case LoadFailure::Empty:
        return "Empty";
    case LoadFailure::TooLarge:
        return "TooLarge";
    case LoadFailure::Truncated:
        return "Truncated";
    case LoadFailure::NotJson:
        return "NotJson";
    case LoadFailure::NotProject:
        return "NotProject";
    case LoadFailure::NewerVersion:
        return "NewerVersion";
    case LoadFailure::InvalidValues:
        return "InvalidValues";
    case LoadFailure::Internal:
        return "Internal";
    }
    return "?";
}

} // namespace

TEST_F(LoadFailureTest, TheWholeSampleIsNoFailure)
{
    EXPECT_STREQ(name(kindOf(test::readBytes(test::samplePath()))), "None");
}

// The reported case: a copy cut off in the middle of a string ("missing closing quote").
// Every cut of the sample, wherever it falls, says the file ends in the middle.
TEST_F(LoadFailureTest, TheSampleCutAnywhereIsTruncated)
{
    const QByteArray sample = test::readBytes(test::samplePath());
    ASSERT_GT(sample.size(), 10000);
    int cuts = 0;
    for (qsizetype cut = 2; cut < sample.size() - 2; cut += 997) {
        Problems problems;
        EXPECT_STREQ(name(kindOf(sample.left(cut), &problems)), "Truncated")
            << "cut at byte " << cut << ": "
            << (problems.empty() ? std::string() : problems.front().toStdString());
        ++cuts;
    }
    EXPECT_GT(cuts, 50);
}

TEST_F(LoadFailureTest, CutsInsideEveryKindOfTokenAreTruncated)
{
    const QByteArray sample = test::readBytes(test::samplePath());
    // Inside a literal, a number, a \u escape, a UTF-8 character and after a newline.
    const QByteArray head = R"({"format": "claimline", "version": 1, "events": [{"id": "e", )";
    const QList<QByteArray> cuts {head
                                      + R"("title": "T", "when": "2025", "summary": "ok", "x": tr)",
                                  head + R"("location": {"name": "N", "lat": 52.)",
                                  head + R"("title": "a\u00)",
                                  head + QByteArray("\"title\": \"Нов").chopped(1),
                                  head + "\n",
                                  sample.left(sample.indexOf("\"events\"") + 3)};
    for (const QByteArray &cut : cuts) {
        Problems problems;
        EXPECT_STREQ(name(kindOf(cut, &problems)), "Truncated")
            << cut.right(30).toStdString() << " → "
            << (problems.empty() ? std::string() : problems.front().toStdString());
    }
}

// The same kinds of error before the end are damage, not a cut.
TEST_F(LoadFailureTest, BadJsonBeforeTheEndIsNotJson)
{
    QByteArray sample = test::readBytes(test::samplePath());
    QByteArray stray = sample;
    stray.insert(sample.indexOf("\"events\""), "@");
    EXPECT_STREQ(name(kindOf(stray)), "NotJson");
    QByteArray badByte = sample;
    badByte[sample.indexOf("Novgorod")] = char(0xff);
    EXPECT_STREQ(name(kindOf(badByte)), "NotJson");
    // A string left open in the middle of the file runs on to the next quote: the error is
    // where the JSON breaks, not at the end.
    QByteArray openString = sample;
    openString.remove(sample.indexOf("\"russia\"") + 7, 1);
    EXPECT_STREQ(name(kindOf(openString)), "NotJson");
    EXPECT_STREQ(name(kindOf("version: 1\nformat: claimline\n")), "NotJson");
}

TEST_F(LoadFailureTest, EveryOtherKindIsToldApart)
{
    EXPECT_STREQ(name(kindOf("")), "Empty");
    EXPECT_STREQ(name(kindOf("[1, 2]")), "NotProject");
    EXPECT_STREQ(name(kindOf("\"a string\"")), "NotProject");
    EXPECT_STREQ(name(kindOf(R"({"name": "some other JSON"})")), "NotProject");
    EXPECT_STREQ(name(kindOf(R"({"format": "timelinejs", "version": 1})")), "NotProject");
    EXPECT_STREQ(name(kindOf(R"({"format": "claimline", "version": 7, "events": 3})")),
                 "NewerVersion");
    EXPECT_STREQ(name(kindOf(R"({"format": "claimline", "version": 1,
        "events": [{"id": "e1", "title": "T", "when": "2025-13-01"}]})")),
                 "InvalidValues");
    EXPECT_STREQ(
        name(kindOf(R"({"format": "claimline", "version": 1, "parties": [{"id": "ru"}]})")),
        "InvalidValues");
    // A cut after some wrong values: the cut explains the rest, it leads.
    EXPECT_STREQ(name(kindOf(R"({"format": "claimline", "version": 1,
        "events": [{"id": "e1", "title": "T", "when": "2025-13-01"}, {"id": "e2", "tit)")),
                 "Truncated");

    EXPECT_EQ(classifyLoadFailure(loadProject(m_dir.filePath(QStringLiteral("missing"))).problems,
                                  m_dir.filePath(QStringLiteral("missing"))),
              LoadFailure::Unreadable);
    EXPECT_EQ(classifyLoadFailure(loadProject(m_dir.path()).problems, m_dir.path()),
              LoadFailure::Unreadable);
    LoadLimits small;
    small.maxFileSize = 100;
    const QString big = m_dir.filePath(QStringLiteral("big.claimline"));
    ASSERT_TRUE(test::writeFile(big, test::readBytes(test::samplePath())));
    EXPECT_EQ(classifyLoadFailure(loadProject(big, small).problems, big), LoadFailure::TooLarge);
    LoadLimits shallow;
    shallow.maxDepth = 3;
    EXPECT_EQ(classifyLoadFailure(loadProject(big, shallow).problems, big), LoadFailure::TooLarge);
}

TEST_F(LoadFailureTest, EndOfFileCountsLinesByNewlineAndColumnsInBytes)
{
    const QString path = m_dir.filePath(QStringLiteral("lines"));
    ASSERT_TRUE(test::writeFile(path, "ab\r\ncdé"));
    EXPECT_TRUE(isEndOfFile(path, 2, 5)); // "cdé" is 4 bytes
    EXPECT_FALSE(isEndOfFile(path, 2, 4));
    EXPECT_FALSE(isEndOfFile(path, 1, 4));
    ASSERT_TRUE(test::writeFile(path, "ab\n"));
    EXPECT_TRUE(isEndOfFile(path, 2, 1));
    EXPECT_FALSE(isEndOfFile(m_dir.filePath(QStringLiteral("none")), 1, 1));
}
