// `claimline import` as scripts use it: the real executable, run without a display, on small
// ACLED and UCDP GED files written here. What a user gets: the exit code, the summary on
// stdout, each refused row on stderr as FILE:LINE: reason, and the project file.

#include "testsupport.h"

#include "format/projectreader.h"
#include "model/project.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <set>
#include <string>
#include <vector>

namespace {

namespace test = claimline::test;
using claimline::LoadResult;
using claimline::Project;

struct Outcome
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Outcome import(QStringList arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("XDG_DATA_HOME"),
               QDir::tempPath() + QStringLiteral("/claimline-test-data"));
    process.setProcessEnvironment(env);
    arguments.prepend(QStringLiteral("import"));
    process.start(QStringLiteral(CLAIMLINE_EXECUTABLE), arguments);
    EXPECT_TRUE(process.waitForFinished(120000));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// One ACLED row; the columns a test does not care about keep plausible values.
struct AcledRow
{
    std::string id;
    std::string date = "2023-02-16";
    std::string actor1 = "Military Forces of Russia (2000-)";
    std::string actor2 = "Military Forces of Ukraine (2019-)";
    std::string notes = "On 16 February 2023, Russian forces shelled Kharkiv. No casualties.";
    std::string timestamp = "1676900000";
    std::string location = "Kharkiv";
};

const char AcledHeader[]
    = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
      "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
      "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,"
      "source_scale,notes,fatalities,tags,timestamp\n";

std::string quoted(const std::string &field)
{
    if (field.find_first_of(",\"\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

std::string acledLine(const AcledRow &row)
{
    return quoted(row.id) + ',' + quoted(row.date)
        + ",2023,1,Political violence,Explosions/Remote violence,"
          "Shelling/artillery/missile attack,"
        + quoted(row.actor1) + ",,8," + quoted(row.actor2)
        + ",,1,18,,804,Europe,Ukraine,Kharkiv,Kharkivskyi,Kharkivska," + quoted(row.location)
        + ",49.9935,36.2304,1,Ukrinform; Suspilne,National," + quoted(row.notes) + ",0,,"
        + row.timestamp + '\n';
}

std::string acledCsv(const std::vector<AcledRow> &rows)
{
    std::string csv = AcledHeader;
    for (const AcledRow &row : rows)
        csv += acledLine(row);
    return csv;
}

std::vector<AcledRow> firstExport()
{
    return {{"UKR101"}, {"UKR102"}, {"UKR103"}, {"UKR104"}};
}

Project loaded(const QString &path)
{
    LoadResult result = claimline::loadProject(path);
    EXPECT_TRUE(result.ok()) << (result.problems.empty() ? std::string("no file")
                                                         : result.problems.front().toStdString());
    return result.ok() ? std::move(*result.project) : Project();
}

std::string summaryOf(const Project &project, std::string_view id)
{
    const auto ref = project.find(id);
    if (!ref || ref->kind != claimline::ItemKind::Event)
        return "(no event " + std::string(id) + ")";
    return std::string(project.view(project.events()[ref->index].summary));
}

std::set<std::string> partyNames(const Project &project)
{
    std::set<std::string> names;
    for (const claimline::Party &party : project.parties())
        names.insert(std::string(project.view(party.name)));
    return names;
}

} // namespace

TEST(CommandLineImport, CreatesTheProjectAndSaysWhatItImported)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("acled-kharkiv.csv"));
    ASSERT_TRUE(test::writeFile(csv, acledCsv(firstExport())));
    const QString project = dir.filePath(QStringLiteral("new.claimline"));

    const Outcome run = import({csv, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("4 events added")) << run.out.toStdString();
    // Progress on stderr, never on stdout.
    EXPECT_TRUE(run.err.contains(QStringLiteral("importing %1: 100%").arg(csv).toUtf8()))
        << run.err.toStdString();
    EXPECT_FALSE(run.out.contains("importing"));

    const Project p = loaded(project);
    EXPECT_EQ(p.events().size(), 4u);
    // A new project is named after the first file.
    EXPECT_EQ(p.view(p.meta().title), "acled-kharkiv");
    EXPECT_EQ(summaryOf(p, "acled-UKR103"),
              "On 16 February 2023, Russian forces shelled Kharkiv. No casualties.");
    EXPECT_EQ(partyNames(p),
              (std::set<std::string> {"Military Forces of Russia (2000-)",
                                      "Military Forces of Ukraine (2019-)"}));
}

TEST(CommandLineImport, RefusedRowsArePrintedWithTheirLineAndTheOthersSaved)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("messy.csv"));
    AcledRow multiLine {"UKR201"};
    multiLine.notes = "Line one,\nline two.";
    AcledRow badDate {"UKR202"};
    badDate.date = "2026-02-30";
    // The header is line 1, the first row lines 2-3 (a line break in its notes): the bad date
    // is on line 4, the short row on line 5.
    std::string text = std::string(AcledHeader) + acledLine(multiLine) + acledLine(badDate)
        + "UKR203,2023-02-16,2023,1\n" + acledLine({"UKR204"});
    ASSERT_TRUE(test::writeFile(csv, text));
    const QString project = dir.filePath(QStringLiteral("p.claimline"));

    const Outcome run = import({csv, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 1) << run.err.toStdString();
    const QString err = QString::fromUtf8(run.err);
    // FILE:LINE: reason, the line an editor shows, the bad value quoted.
    EXPECT_TRUE(err.contains(QStringLiteral("messy.csv:4: "))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("\"2026-02-30\""))) << err.toStdString();
    EXPECT_TRUE(err.contains(QStringLiteral("messy.csv:5: "))) << err.toStdString();
    EXPECT_FALSE(err.contains(QStringLiteral("messy.csv:2: "))) << err.toStdString();
    EXPECT_FALSE(err.contains(QStringLiteral("messy.csv:6: "))) << err.toStdString();
    EXPECT_TRUE(run.out.contains("2 events added")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("2 rows refused")) << run.out.toStdString();

    const Project p = loaded(project);
    EXPECT_EQ(p.events().size(), 2u);
    EXPECT_EQ(summaryOf(p, "acled-UKR201"), "Line one,\nline two.");
    EXPECT_TRUE(p.find("acled-UKR204"));
    EXPECT_FALSE(p.find("acled-UKR202"));
}

TEST(CommandLineImport, UsageErrorsExitTwoAndWriteNothing)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("acled.csv"));
    ASSERT_TRUE(test::writeFile(csv, acledCsv(firstExport())));
    const QString notADataset = dir.filePath(QStringLiteral("people.csv"));
    ASSERT_TRUE(test::writeFile(notADataset, "name,date,place\nSomeone,2023-02-16,Kyiv\n"));
    // An ACLED file with an extra column, saved in a legacy code page: "é" as the byte E9.
    const QString latin1 = dir.filePath(QStringLiteral("latin1.csv"));
    std::string header = AcledHeader;
    std::string row = acledLine({"UKR101"});
    header.insert(header.size() - 1, ",r\xe9gion");
    row.insert(row.size() - 1, ",Europe");
    ASSERT_TRUE(test::writeFile(latin1, header + row));
    const QString badMap = dir.filePath(QStringLiteral("map.json"));
    ASSERT_TRUE(test::writeFile(badMap, R"json({"Military Forces of Russia (2000-)": 7})json"));
    const QString project = dir.filePath(QStringLiteral("p.claimline"));
    const QString into = QStringLiteral("--into");

    struct Case
    {
        const char *what;
        QStringList arguments;
        const char *message; // part of what stderr must say
    };
    const std::vector<Case> cases {
        {"no file", {into, project}, "usage"},
        {"no --into", {csv}, "usage"},
        {"unknown format",
         {csv, QStringLiteral("--format"), QStringLiteral("gdelt"), into, project},
         "gdelt"},
        {"a file that does not exist",
         {dir.filePath(QStringLiteral("none.csv")), into, project},
         "none.csv"},
        {"a folder", {dir.path(), into, project}, "folder"},
        {"a file of no known format", {csv, notADataset, into, project}, "people.csv"},
        {"a header that is not UTF-8", {latin1, into, project}, "latin1.csv"},
        {"an ACLED file named UCDP",
         {csv, QStringLiteral("--format"), QStringLiteral("ucdp"), into, project},
         "acled.csv"},
        {"a party map that does not exist",
         {csv, QStringLiteral("--party-map"), dir.filePath(QStringLiteral("nomap.json")), into,
          project},
         "nomap.json"},
        {"a party map that is not names to parties",
         {csv, QStringLiteral("--party-map"), badMap, into, project},
         "map.json"},
    };
    for (const Case &c : cases) {
        // Each case its own project path, so that one case's mistake does not fail the next.
        QStringList arguments = c.arguments;
        const QString fresh
            = dir.filePath(QString::fromLatin1(c.what) + QStringLiteral(".claimline"));
        arguments.replaceInStrings(project, fresh);
        const Outcome run = import(arguments);
        EXPECT_EQ(run.exitCode, 2) << c.what << ": " << run.err.toStdString();
        EXPECT_TRUE(run.err.contains(c.message)) << c.what << ": " << run.err.toStdString();
        EXPECT_TRUE(run.out.isEmpty()) << c.what << ": " << run.out.toStdString();
        EXPECT_FALSE(QFileInfo::exists(fresh)) << c.what;
    }
}

TEST(CommandLineImport, AProjectThatCannotBeReadIsNeverOverwritten)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("acled.csv"));
    ASSERT_TRUE(test::writeFile(csv, acledCsv(firstExport())));
    const QString project = dir.filePath(QStringLiteral("broken.claimline"));
    const char broken[] = R"({"format": "claimline", "version": 1, "events": [{"id": "e1")";
    ASSERT_TRUE(test::writeFile(project, broken));

    const Outcome run = import({csv, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains("broken.claimline")) << run.err.toStdString();
    EXPECT_EQ(test::readBytes(project), QByteArray(broken));
    EXPECT_FALSE(QFileInfo::exists(project + QStringLiteral(".bak")));
}

TEST(CommandLineImport, ReimportUpdatesByIdAndListsWhatIsMissing)
{
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("acled-2023-02.csv"));
    ASSERT_TRUE(test::writeFile(first, acledCsv(firstExport())));
    const QString project = dir.filePath(QStringLiteral("p.claimline"));
    ASSERT_EQ(import({first, QStringLiteral("--into"), project}).exitCode, 0);

    // ACLED's next export: two rows revised (a newer timestamp), one as it was, one deleted
    // (UKR104), two new.
    std::vector<AcledRow> rows = firstExport();
    rows.pop_back();
    rows[0].notes = "Revised: two people were killed.";
    rows[0].timestamp = "1677000000";
    rows[1].location = "Kupiansk";
    rows[1].timestamp = "1677000001";
    rows.push_back({"UKR105"});
    rows.push_back({"UKR106"});
    const QString second = dir.filePath(QStringLiteral("acled-2023-03.csv"));
    ASSERT_TRUE(test::writeFile(second, acledCsv(rows)));

    Outcome run = import({second, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("2 events added")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("2 updated")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("1 unchanged")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("1 missing (kept)")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("No longer in the files (kept")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("UKR104")) << run.out.toStdString();
    {
        const Project p = loaded(project);
        // Nothing duplicated, the missing one kept.
        EXPECT_EQ(p.events().size(), 6u);
        EXPECT_EQ(summaryOf(p, "acled-UKR101"), "Revised: two people were killed.");
        EXPECT_TRUE(p.find("acled-UKR104"));
        // The earlier version is kept as a backup.
        EXPECT_TRUE(QFileInfo::exists(project + QStringLiteral(".bak")));
    }

    // Asked to, the import removes it.
    run = import({second, QStringLiteral("--remove-missing"), QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("No longer in the files, removed:")) << run.out.toStdString();
    EXPECT_TRUE(run.out.contains("UKR104")) << run.out.toStdString();
    const Project p = loaded(project);
    EXPECT_EQ(p.events().size(), 5u);
    EXPECT_FALSE(p.find("acled-UKR104"));
}

TEST(CommandLineImport, APartyMapMergesActorsIntoAnExistingPartyAndIsRemembered)
{
    QTemporaryDir dir;
    // The sample has a party "Russia" (id russia).
    const QString project = dir.filePath(QStringLiteral("sample.claimline"));
    ASSERT_TRUE(QFile::copy(test::samplePath(), project));
    const Project before = loaded(project);
    std::vector<AcledRow> rows = firstExport();
    rows[1].actor1 = "Government of Russia (2000-)";
    const QString csv = dir.filePath(QStringLiteral("acled.csv"));
    ASSERT_TRUE(test::writeFile(csv, acledCsv(rows)));
    const QString map = dir.filePath(QStringLiteral("parties.json"));
    ASSERT_TRUE(test::writeFile(map, R"json({"Military Forces of Russia (2000-)": "Russia",
                                             "Government of Russia (2000-)": "russia"})json"));

    const Outcome run
        = import({csv, QStringLiteral("--party-map"), map, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();

    const Project p = loaded(project);
    EXPECT_EQ(p.events().size(), before.events().size() + 4);
    // One new party (Ukraine's military, which the map leaves alone); both Russian names went
    // to the sample's Russia.
    EXPECT_EQ(p.parties().size(), before.parties().size() + 1);
    const std::set<std::string> names = partyNames(p);
    EXPECT_TRUE(names.count("Military Forces of Ukraine (2019-)"));
    EXPECT_FALSE(names.count("Military Forces of Russia (2000-)"));
    EXPECT_FALSE(names.count("Government of Russia (2000-)"));
    const auto russia = p.find("russia");
    ASSERT_TRUE(russia);
    for (const char *id : {"acled-UKR101", "acled-UKR102"}) {
        const auto event = p.find(id);
        ASSERT_TRUE(event) << id;
        const auto parties = p.indices(p.events()[event->index].parties);
        EXPECT_NE(std::find(parties.begin(), parties.end(), russia->index), parties.end()) << id;
    }
    // The project remembers the map for the next import (and the wizard).
    const nlohmann::json remembered = p.topLevelExtra().value("party_map", nlohmann::json());
    ASSERT_TRUE(remembered.is_object()) << p.topLevelExtra().dump();
    EXPECT_EQ(remembered.value("Government of Russia (2000-)", ""), "russia");
    EXPECT_EQ(remembered.value("Military Forces of Russia (2000-)", ""), "Russia");
}

TEST(CommandLineImport, RecognisesUcdpAndAcledInOneRun)
{
    QTemporaryDir dir;
    const QString acled = dir.filePath(QStringLiteral("acled.csv"));
    ASSERT_TRUE(test::writeFile(acled, acledCsv(firstExport())));
    // UCDP GED's 49 columns; two events, one of them over four days.
    const QString ucdp = dir.filePath(QStringLiteral("ged.csv"));
    ASSERT_TRUE(test::writeFile(
        ucdp,
        "id,relid,year,active_year,code_status,type_of_violence,conflict_dset_id,"
        "conflict_new_id,conflict_name,dyad_dset_id,dyad_new_id,dyad_name,side_a_dset_id,"
        "side_a_new_id,side_a,side_b_dset_id,side_b_new_id,side_b,number_of_sources,"
        "source_article,source_office,source_date,source_headline,source_original,where_prec,"
        "where_coordinates,where_description,adm_1,adm_2,latitude,longitude,geom_wkt,"
        "priogrid_gid,country,country_id,region,event_clarity,date_prec,date_start,date_end,"
        "deaths_a,deaths_b,deaths_civilians,deaths_unknown,best,high,low,gwnoa,gwnob\n"
        "900001,UKR-2023-1-900001-1,2023,1,Clear,1,13243,13243,Russia - Ukraine,15012,15012,"
        "Government of Russia (Soviet Union) - Government of Ukraine,57,57,"
        "Government of Russia (Soviet Union),59,59,Government of Ukraine,1,"
        "\"Ukrainska Pravda, 16 February 2023\",Ukrainska Pravda,2023-02-16,"
        "Missiles hit Kharkiv,Officials,1,Kharkiv city,Kharkiv city,Kharkiv oblast,,49.9935,"
        "36.2304,POINT (36.2304 49.9935),180000,Ukraine,369,Europe,1,1,"
        "2023-02-16 00:00:00.000,2023-02-16 00:00:00.000,0,0,3,0,3,3,3,365,369\n"
        "900002,UKR-2023-3-900002-1,2023,1,Clear,3,13243,13243,Russia - Ukraine,15012,15012,"
        "Government of Russia (Soviet Union) - Civilians,57,57,"
        "Government of Russia (Soviet Union),1,1,Civilians,1,"
        "\"Kyiv Independent, 20 February 2023\",Kyiv Independent,2023-02-20,,,4,"
        "Zaporizhzhia oblast,Zaporizhzhia oblast,,,47.5,35.5,POINT (35.5 47.5),177911,Ukraine,"
        "369,Europe,1,3,2023-02-17 00:00:00.000,2023-02-20 00:00:00.000,0,0,4,0,4,6,4,365,\n"));
    const QString project = dir.filePath(QStringLiteral("p.claimline"));

    const Outcome run = import({acled, ucdp, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("6 events added")) << run.out.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("importing %1: 100%").arg(ucdp).toUtf8()))
        << run.err.toStdString();
    const Project p = loaded(project);
    EXPECT_EQ(p.events().size(), 6u);
    ASSERT_TRUE(p.find("ucdp-900002"));
    const claimline::Event &event = p.events()[p.find("ucdp-900002")->index];
    // The four days the event may have happened in.
    EXPECT_EQ(event.when.start(), test::utcMidnight(2023, 2, 17));
    EXPECT_EQ(event.when.end(), test::utcMidnight(2023, 2, 21));
}

TEST(CommandLineImport, EveryRowOfAGeneratedExportImports)
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("generated.csv"));
    QProcess generate;
    generate.start(QStringLiteral(CLAIMLINE_EXECUTABLE),
                   {QStringLiteral("generate"), QStringLiteral("--acled"), QStringLiteral("3000"),
                    QStringLiteral("--out"), csv});
    ASSERT_TRUE(generate.waitForFinished(120000));
    ASSERT_EQ(generate.exitCode(), 0) << generate.readAllStandardError().toStdString();
    // ACLED-sized rows, some notes over more than one line.
    const QByteArray bytes = test::readBytes(csv);
    EXPECT_GT(bytes.size(), 3000 * 350);
    EXPECT_LT(bytes.size(), 3000 * 550);
    EXPECT_GT(bytes.count('\n'), 3001);

    const QString project = dir.filePath(QStringLiteral("p.claimline"));
    const Outcome run = import({csv, QStringLiteral("--into"), project});
    EXPECT_EQ(run.exitCode, 0) << run.err.left(2000).toStdString();
    EXPECT_TRUE(run.out.contains("3,000 events added")) << run.out.toStdString();
    const Project p = loaded(project);
    EXPECT_EQ(p.events().size(), 3000u);
    EXPECT_TRUE(partyNames(p).count("Military Forces of Russia (2000-)"));
}

TEST(CommandLineImport, TheGeneratedExportIsTheSameForTheSameSeed)
{
    QTemporaryDir dir;
    const auto generate = [&](const char *seed, const QString &name) {
        const QString path = dir.filePath(name);
        QProcess process;
        process.start(QStringLiteral(CLAIMLINE_EXECUTABLE),
                      {QStringLiteral("generate"), QStringLiteral("--acled"), QStringLiteral("500"),
                       QStringLiteral("--seed"), QString::fromLatin1(seed), QStringLiteral("--out"),
                       path});
        EXPECT_TRUE(process.waitForFinished(120000));
        EXPECT_EQ(process.exitCode(), 0);
        return test::readBytes(path);
    };
    const QByteArray first = generate("7", QStringLiteral("a.csv"));
    EXPECT_FALSE(first.isEmpty());
    EXPECT_EQ(generate("7", QStringLiteral("b.csv")), first);
    EXPECT_NE(generate("8", QStringLiteral("c.csv")), first);
    // The codebook's header, in its order.
    EXPECT_TRUE(first.startsWith(QByteArray(QByteArray(AcledHeader).trimmed() + "\r\n")));
}
