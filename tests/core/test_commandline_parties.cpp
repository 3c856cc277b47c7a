// The command line names parties the way people do: `export --view narratives --a Russia
// --b ukraine` is the same export as with the ids; a name that is no party is refused with the
// parties listed as "Name (id)", exit code 2 and nothing written.

#include "testprocess.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

namespace test = claimline::test;

test::Outcome exportSideBySide(const QString &a, const QString &b, const QString &out)
{
    return test::runClaimline({QStringLiteral("export"), QStringLiteral("--view"),
                               QStringLiteral("narratives"), QStringLiteral("--a"), a,
                               QStringLiteral("--b"), b, QStringLiteral("--out"), out,
                               test::samplePath()});
}

} // namespace

TEST(CommandLineParties, NamesAndIdsInAnyCaseGiveTheSameExport)
{
    QTemporaryDir dir;
    const QString byId = dir.filePath(QStringLiteral("ids.html"));
    const QString byName = dir.filePath(QStringLiteral("names.html"));
    test::Outcome run = exportSideBySide(QStringLiteral("russia"), QStringLiteral("ukraine"), byId);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    run = exportSideBySide(QStringLiteral("Russia"), QStringLiteral(" UKRAINE "), byName);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();

    const QByteArray html = test::readBytes(byName);
    EXPECT_FALSE(html.isEmpty());
    EXPECT_EQ(html, test::readBytes(byId));
    // The names chose the sides: Russia as A, Ukraine as B, not the other way round.
    const QString swapped = dir.filePath(QStringLiteral("swapped.html"));
    run = exportSideBySide(QStringLiteral("ukraine"), QStringLiteral("russia"), swapped);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_NE(html, test::readBytes(swapped));

    // A list mixes ids and names.
    const QString mixed = dir.filePath(QStringLiteral("mixed.html"));
    run = exportSideBySide(QStringLiteral("Russia,new-york-post"),
                           QStringLiteral("ukraine, European Union"), mixed);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    const QByteArray both = test::readBytes(mixed);
    for (const char *name : {"Russia", "New York Post", "Ukraine", "European Union"})
        EXPECT_TRUE(both.contains(name)) << name;
}

TEST(CommandLineParties, ANameThatIsNoPartyIsRefusedListingTheParties)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("x.html"));
    test::Outcome run = exportSideBySide(QStringLiteral("Nobody"), QStringLiteral("ukraine"), out);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("export: --a: \"Nobody\" is not a party of the project (parties: "
                                 "Russia (russia), Ukraine (ukraine), United States "
                                 "(united-states),"))
        << run.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));

    // In --b, and among names that are parties: the one that is not is named.
    run = exportSideBySide(QStringLiteral("russia"), QStringLiteral("Ukraine,Narnia"), out);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("export: --b: \"Narnia\" is not a party"))
        << run.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));

    // An actor's name is not a party's.
    run = exportSideBySide(QStringLiteral("Sergei Lavrov"), QStringLiteral("ukraine"), out);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("\"Sergei Lavrov\" is not a party")) << run.err.toStdString();

    // Only commas: no party at all.
    run = exportSideBySide(QStringLiteral(","), QStringLiteral("ukraine"), out);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("--a needs at least one party (parties: Russia (russia)"))
        << run.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));
}
