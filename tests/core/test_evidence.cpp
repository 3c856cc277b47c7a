// Evidence pinned by hash (issue 21): the recorded path's rules, the hash against independent
// SHA-256s, the evidence folder (content-addressed, read-only, stored once), verification
// (present, changed, missing, moved project), carrying the folder on Save As, the file format
// and the manifest.

#include "testproject.h"
#include "testsupport.h"

#include "evidence/attachmentlist.h"
#include "evidence/evidencepath.h"
#include "evidence/evidencestore.h"
#include "evidence/evidenceverifier.h"
#include "export/evidencemanifest.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

namespace claimline {
namespace {

using test::readBytes;
using test::writeFile;

const char *const OneSource = R"({
  "format": "claimline", "version": 1,
  "parties": [{"id": "russia", "name": "Russia"}],
  "sources": [
    {"id": "src-a", "title": "Video of the wreckage", "url": "https://example.org/post",
     "archive_url": "https://web.archive.org/web/2026/https://example.org/post",
     "accessed": "2026-01-02"},
    {"id": "src-b", "title": "Statement"}
  ],
  "events": [], "claims": []
})";

Project loaded(std::string_view text)
{
    LoadResult result = readProject(text);
    EXPECT_TRUE(result.ok())
        << (result.problems.empty() ? QString() : result.problems[0].toString()).toStdString();
    return std::move(*result.project);
}

QString hexOf(const Sha256 &hash)
{
    return QString::fromLatin1(sha256Hex(hash).c_str());
}

// The digest another implementation (GNU coreutils) gives, for an independent check.
QString sha256sum(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("sha256sum"), {path});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromLatin1(process.readAllStandardOutput()).section(QLatin1Char(' '), 0, 0);
}

// A project file with source src-a pinning `files`, saved in `dir`; returns its path.
QString projectPinning(const QString &dir, const QStringList &files)
{
    Project project = loaded(OneSource);
    const QString path = QDir(dir).filePath(QStringLiteral("case.claimline"));
    const EvidenceStore store = EvidenceStore::forProjectFile(path);
    std::vector<PinnedFile> pinned;
    for (const QString &file : files) {
        pinned.push_back(store.pin(file));
        EXPECT_TRUE(pinned.back().isValid()) << pinned.back().error.toStdString();
    }
    Source &source = project.sources()[0];
    source.attachments = withPinnedFiles(project, source.attachments, pinned);
    EXPECT_TRUE(saveProject(project, path).isEmpty());
    return path;
}

Project loadFile(const QString &path)
{
    LoadResult result = loadProject(path);
    EXPECT_TRUE(result.ok());
    return std::move(*result.project);
}

TEST(EvidencePath, AcceptsOnlyTheFormTheEvidenceFolderWrites)
{
    const std::string hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    EXPECT_EQ(evidencePathProblem("evidence/" + hex + ".mp4"), "");
    EXPECT_EQ(evidencePathProblem("evidence/" + hex), "");
    EXPECT_EQ(evidencePathProblem("evidence/" + hex + ".a1b2c3d4e5f6g7h8"), "");
    std::string upper = hex;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    for (const std::string &bad :
         {std::string(), std::string("/etc/passwd"), std::string("../secret"), "evidence/../" + hex,
          std::string("evidence/3a7b.mp4"), "evidence/sub/" + hex + ".png", "other/" + hex + ".mp4",
          "evidence/" + upper + ".mp4", "evidence/" + hex + ".MP4", "evidence/" + hex + ".",
          "evidence/" + hex + ".a1b2c3d4e5f6g7h8i", "evidence/" + hex + ".exe\xe2\x80\xae" + "fdp",
          "evidence\\" + hex, std::string("evidence/CON"), "C:/evidence/" + hex,
          "evidence/" + hex + "/x"}) {
        EXPECT_NE(evidencePathProblem(bad), "") << bad;
    }
    EXPECT_EQ(evidencePathProblem("../x"),
              "an attachment's path cannot leave the project's folder (an absolute path or "
              "\"..\")");
}

TEST(EvidenceStore, NeverFollowsALinkOutOfTheEvidenceFolder)
{
    QTemporaryDir dir, outside, target;
    const QString secret = outside.filePath(QStringLiteral("id_rsa"));
    ASSERT_TRUE(writeFile(secret, "private key"));
    const std::string hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("evidence")));
    const std::string path = "evidence/" + hex + ".txt";
    const EvidenceStore store(dir.path());
    ASSERT_TRUE(QFile::link(secret, store.absolutePath(path)));
    QString why;
    EXPECT_EQ(store.existingFile(path, &why), QString());
    EXPECT_EQ(why, QStringLiteral("a link to another file, not followed"));

    // A project that records the link: verify reads nothing, Save As copies nothing.
    const std::string text = R"({"format": "claimline", "version": 1, "sources": [
      {"id": "s", "title": "t", "attachments": [{"path": ")"
        + path + R"(", "size": 11, "sha256": ")" + hex + R"("}]}]})";
    const Project project = loaded(text);
    const EvidenceReport report = verifyEvidence(evidenceCheckList(project), store);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].line(),
              QString::fromStdString(path)
                  + QStringLiteral(": unreadable (a link to another file, not followed)"));
    const QStringList carried = store.carryTo(EvidenceStore(target.path()), project);
    EXPECT_EQ(carried.size(), 1);
    EXPECT_FALSE(QFileInfo::exists(EvidenceStore(target.path()).absolutePath(path)));

    // The evidence folder itself a link to elsewhere: not followed either.
    QTemporaryDir linked;
    ASSERT_TRUE(QDir(outside.path()).mkpath(QStringLiteral("ev")));
    ASSERT_TRUE(writeFile(outside.filePath(QStringLiteral("ev/") + QString::fromStdString(hex)
                                           + QStringLiteral(".txt")),
                          "abc"));
    ASSERT_TRUE(QFile::link(outside.filePath(QStringLiteral("ev")),
                            linked.filePath(QStringLiteral("evidence"))));
    EXPECT_EQ(EvidenceStore(linked.path()).existingFile(path, &why), QString());
}

TEST(EvidencePath, HashesReadAndWriteAsHex)
{
    const std::string hex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    const auto hash = parseSha256Hex(hex);
    ASSERT_TRUE(hash);
    EXPECT_EQ(sha256Hex(*hash), hex);
    std::string upper = hex;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    EXPECT_EQ(parseSha256Hex(upper), hash);
    EXPECT_FALSE(parseSha256Hex(hex.substr(1)));
    EXPECT_FALSE(parseSha256Hex(hex.substr(1) + "g"));
}

TEST(EvidenceHash, MatchesTheStandardsVectorsAndAnIndependentImplementation)
{
    QTemporaryDir dir;
    const QString abc = dir.filePath(QStringLiteral("abc"));
    const QString empty = dir.filePath(QStringLiteral("empty"));
    const QString big = dir.filePath(QStringLiteral("big.bin"));
    ASSERT_TRUE(writeFile(abc, "abc"));
    ASSERT_TRUE(writeFile(empty, ""));
    // Several blocks and a partial one: 3 MiB + 17 bytes of noise.
    QByteArray noise(3 * (1 << 20) + 17, Qt::Uninitialized);
    QRandomGenerator generator(21);
    for (char &c : noise)
        c = char(generator.bounded(256));
    ASSERT_TRUE(writeFile(big, noise));

    Sha256 hash {};
    std::uint64_t size = 0;
    QString error;
    // FIPS 180-2, appendix B.1, and the digest of no bytes.
    ASSERT_TRUE(hashFile(abc, &hash, &size, &error));
    EXPECT_EQ(hexOf(hash),
              QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_EQ(size, 3u);
    ASSERT_TRUE(hashFile(empty, &hash, &size, &error));
    EXPECT_EQ(hexOf(hash),
              QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    ASSERT_TRUE(hashFile(big, &hash, &size, &error));
    EXPECT_EQ(size, std::uint64_t(noise.size()));
    const QString independent = sha256sum(big);
    ASSERT_FALSE(independent.isEmpty()) << "sha256sum (coreutils) is needed for this check";
    EXPECT_EQ(hexOf(hash), independent);
}

TEST(EvidenceStore, CopiesAFileUnderItsHashReadOnlyAndStoresTheSameContentOnce)
{
    QTemporaryDir project, outside;
    const QString clip = outside.filePath(QStringLiteral("Wreckage Clip.MP4"));
    const QString same = outside.filePath(QStringLiteral("copy-of-clip.mov"));
    ASSERT_TRUE(writeFile(clip, "not really a video, but evidence all the same"));
    ASSERT_TRUE(QFile::copy(clip, same));
    const EvidenceStore store(project.path());
    const qint64 before = QDateTime::currentSecsSinceEpoch();

    const PinnedFile first = store.pin(clip);
    ASSERT_TRUE(first.isValid()) << first.error.toStdString();
    const QString expectedHex = sha256sum(clip);
    EXPECT_EQ(hexOf(first.sha256), expectedHex);
    EXPECT_EQ(first.path, QStringLiteral("evidence/") + expectedHex + QStringLiteral(".mp4"));
    EXPECT_EQ(first.name, QStringLiteral("Wreckage Clip.MP4"));
    EXPECT_EQ(first.size, 45u);
    EXPECT_EQ(first.mediaType, QStringLiteral("video/mp4"));
    EXPECT_GE(first.added.start(), before);
    EXPECT_LE(first.added.start(), QDateTime::currentSecsSinceEpoch());
    const QString copy = store.absolutePath(first.path.toStdString());
    EXPECT_EQ(readBytes(copy), readBytes(clip));
    EXPECT_FALSE(QFileInfo(copy).permissions() & QFile::WriteOwner) << "evidence is read-only";

    // The same bytes under another name: the copy already there is used.
    const PinnedFile second = store.pin(same);
    ASSERT_TRUE(second.isValid());
    EXPECT_EQ(second.path, first.path);
    EXPECT_EQ(second.name, QStringLiteral("copy-of-clip.mov"));
    EXPECT_EQ(QDir(project.filePath(QStringLiteral("evidence"))).entryList(QDir::Files).size(), 1);
}

TEST(EvidenceStore, SaysWhichFileCouldNotBePinned)
{
    QTemporaryDir project;
    const EvidenceStore store(project.path());
    const PinnedFile missing = store.pin(project.filePath(QStringLiteral("nowhere.png")));
    EXPECT_FALSE(missing.isValid());
    EXPECT_TRUE(missing.error.endsWith(QStringLiteral("nowhere.png: no such file")))
        << missing.error.toStdString();
    const PinnedFile folder = store.pin(project.path());
    EXPECT_TRUE(folder.error.endsWith(QStringLiteral(": not a file")));
}

TEST(EvidenceFile, AttachmentsRoundTripWithEveryField)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("shot.png"));
    ASSERT_TRUE(writeFile(file, "png bytes"));
    const QString path = projectPinning(dir.path(), {file});
    const QByteArray saved = readBytes(path);
    const Project project = loadFile(path);
    const auto attachments = project.attachments(project.sources()[0].attachments);
    ASSERT_EQ(attachments.size(), 1u);
    const Attachment &a = attachments[0];
    EXPECT_EQ(project.view(a.name), "shot.png");
    EXPECT_EQ(project.view(a.mediaType), "image/png");
    EXPECT_EQ(a.size, 9u);
    EXPECT_EQ(hexOf(a.sha256), sha256sum(file));
    EXPECT_EQ(project.view(a.path), "evidence/" + sha256Hex(a.sha256) + ".png");
    EXPECT_FALSE(a.added.isNull());
    EXPECT_TRUE(project.attachments(project.sources()[1].attachments).empty());
    // Written back byte for byte.
    EXPECT_EQ(QByteArray::fromStdString(projectToString(project)), saved);
}

TEST(EvidenceFile, BadAttachmentsAreProblemsNamingWhere)
{
    const std::string text = R"({"format": "claimline", "version": 1, "sources": [
      {"id": "s", "title": "t", "attachments": [
        {"path": "../../etc/passwd", "sha256": "00", "size": -1},
        {"name": "x.png"},
        {"path": "evidence/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png",
         "size": 3, "note": "kept",
         "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}
      ]}]})";
    const LoadResult result = readProject(text);
    std::vector<std::string> lines;
    for (const Problem &p : result.problems)
        lines.push_back(p.toString().toStdString());
    const auto has = [&lines](const std::string &prefix) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const std::string &l) { return l.rfind(prefix, 0) == 0; });
    };
    EXPECT_TRUE(has("/sources/0/attachments/0/path: an attachment's path cannot leave"));
    EXPECT_TRUE(has("/sources/0/attachments/0/sha256: must be a SHA-256 of 64 hexadecimal"));
    EXPECT_TRUE(has("/sources/0/attachments/0/size: must be a whole number of bytes"));
    EXPECT_TRUE(has("/sources/0/attachments/1: missing required field \"path\""));
    EXPECT_TRUE(has("/sources/0/attachments/1: missing required field \"sha256\""));
    EXPECT_TRUE(has("/sources/0/attachments/1: missing required field \"size\""));
    EXPECT_EQ(lines.size(), 6u);

    // An unknown field inside an attachment is kept, where it was.
    const std::string good = R"({"format": "claimline", "version": 1, "sources": [
      {"id": "s", "title": "t", "attachments": [{"size": 3,
       "path": "evidence/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png",
       "sha256": "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
       "custody": "sealed bag 14"}]}]})";
    const Project project = loaded(good);
    EXPECT_NE(projectToString(project).find(R"("custody": "sealed bag 14")"), std::string::npos);
}

// A project whose first source pins two files, a.jpg ("first") and b.pdf ("second").
class TwoPinnedFiles : public ::testing::Test
{
protected:
    void SetUp() override
    {
        a = outside.filePath(QStringLiteral("a.jpg"));
        b = outside.filePath(QStringLiteral("b.pdf"));
        ASSERT_TRUE(writeFile(a, "first"));
        ASSERT_TRUE(writeFile(b, "second"));
        path = projectPinning(dir.path(), {a, b});
        project = loadFile(path);
    }

    QTemporaryDir dir, outside;
    QString a, b, path;
    Project project;
};

TEST_F(TwoPinnedFiles, AreFoundPresentAndUnchanged)
{
    const EvidenceReport report
        = verifyEvidence(evidenceCheckList(project), EvidenceStore::forProjectFile(path));
    EXPECT_TRUE(report.isClean());
    EXPECT_EQ(report.files, 2);
    EXPECT_EQ(report.attachments, 2);
    EXPECT_FALSE(report.sourceFails(project, 0));
}

TEST_F(TwoPinnedFiles, AChangedOneIsNamedWithBothHashesAndAMissingOneAsMissing)
{
    const EvidenceStore store = EvidenceStore::forProjectFile(path);
    const auto attachments = project.attachments(project.sources()[0].attachments);
    const std::string changedPath(project.view(attachments[0].path));
    const std::string missingPath(project.view(attachments[1].path));
    const QString changedFile = store.absolutePath(changedPath);
    QFile::setPermissions(changedFile, QFile::ReadOwner | QFile::WriteOwner);
    ASSERT_TRUE(writeFile(changedFile, "first, altered"));
    ASSERT_TRUE(QFile::remove(store.absolutePath(missingPath)));

    const EvidenceReport report = verifyEvidence(evidenceCheckList(project), store);
    ASSERT_EQ(report.problems.size(), 2u);
    QStringList lines;
    for (const EvidenceProblem &p : report.problems)
        lines << p.line();
    EXPECT_TRUE(lines.contains(QString::fromStdString(missingPath) + QStringLiteral(": missing")))
        << lines.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(lines.contains(QString::fromStdString(changedPath)
                               + QStringLiteral(": changed (expected sha256 %1, found %2)")
                                     .arg(sha256sum(a), sha256sum(changedFile))))
        << lines.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(report.sourceFails(project, 0));
    EXPECT_FALSE(report.sourceFails(project, 1));
}

TEST(EvidenceVerify, AMovedProjectFindsItsEvidenceOnlyWithItsFolder)
{
    QTemporaryDir dir, movedWith, movedAlone, outside;
    const QString a = outside.filePath(QStringLiteral("a.jpg"));
    ASSERT_TRUE(writeFile(a, "first"));
    const QString path = projectPinning(dir.path(), {a});
    const Project project = loadFile(path);
    const QString name = QFileInfo(path).fileName();

    // Moved with its evidence folder: paths are relative, so everything is found.
    ASSERT_TRUE(QFile::copy(path, movedWith.filePath(name)));
    ASSERT_TRUE(QDir().mkpath(movedWith.filePath(QStringLiteral("evidence"))));
    for (const QString &file :
         QDir(dir.filePath(QStringLiteral("evidence"))).entryList(QDir::Files))
        ASSERT_TRUE(QFile::copy(dir.filePath(QStringLiteral("evidence/") + file),
                                movedWith.filePath(QStringLiteral("evidence/") + file)));
    EXPECT_TRUE(verifyEvidence(evidenceCheckList(project),
                               EvidenceStore::forProjectFile(movedWith.filePath(name)))
                    .isClean());

    // Moved alone: the evidence is missing, and said so.
    ASSERT_TRUE(QFile::copy(path, movedAlone.filePath(name)));
    const EvidenceReport report = verifyEvidence(
        evidenceCheckList(project), EvidenceStore::forProjectFile(movedAlone.filePath(name)));
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].kind, EvidenceProblem::Kind::Missing);
}

TEST_F(TwoPinnedFiles, GoWithAProjectSavedIntoAnotherFolderOrAreSaidNotTo)
{
    QTemporaryDir target;
    const EvidenceStore from = EvidenceStore::forProjectFile(path);
    const EvidenceStore to(target.path());
    const auto attachments = project.attachments(project.sources()[0].attachments);
    const std::string gone(project.view(attachments[1].path));
    ASSERT_TRUE(QFile::remove(from.absolutePath(gone)));

    const QStringList problems = from.carryTo(to, project);
    EXPECT_EQ(
        problems,
        QStringList {QString::fromStdString(gone) + QStringLiteral(": missing, not carried")});
    const EvidenceReport report = verifyEvidence(evidenceCheckList(project), to);
    ASSERT_EQ(report.problems.size(), 1u);
    EXPECT_EQ(report.problems[0].path, QString::fromStdString(gone));
    // Carrying again finds the copy already there: nothing to do, nothing to report.
    EXPECT_EQ(from.carryTo(to, project), problems);
}

TEST(EvidenceList, AFileAlreadyListedIsNotListedTwiceAndTheOldListStays)
{
    QTemporaryDir dir, outside;
    const QString a = outside.filePath(QStringLiteral("a.jpg"));
    ASSERT_TRUE(writeFile(a, "first"));
    Project project = loaded(OneSource);
    const EvidenceStore store(dir.path());
    const std::vector<PinnedFile> once {store.pin(a)};
    int added = 0;
    const IndexRange first = withPinnedFiles(project, {}, once, &added);
    EXPECT_EQ(added, 1);
    const IndexRange second = withPinnedFiles(project, first, once, &added);
    EXPECT_EQ(added, 0);
    EXPECT_EQ(second, first);
    const IndexRange none = withoutAttachment(project, first, 0);
    EXPECT_EQ(none.count, 0u);
    EXPECT_EQ(project.attachments(first).size(), 1u) << "the old list is kept for undo";
}

TEST(EvidenceManifest, ListsEveryPinnedFileWithItsSourceInCsvAndJson)
{
    QTemporaryDir dir, outside;
    const QString a = outside.filePath(QStringLiteral("=cmd.jpg"));
    ASSERT_TRUE(writeFile(a, "first"));
    const QString path = projectPinning(dir.path(), {a});
    const Project project = loadFile(path);
    const Attachment &pinned = project.attachments(project.sources()[0].attachments)[0];
    const std::string hex = sha256Hex(pinned.sha256);

    const QString csvPath = dir.filePath(QStringLiteral("manifest.csv"));
    CsvExportOptions noByteOrderMark;
    noByteOrderMark.byteOrderMark = false;
    ASSERT_EQ(
        exportEvidenceManifest(project, csvPath, EvidenceManifestFormat::Csv, noByteOrderMark),
        QString());
    const QByteArray csv = readBytes(csvPath);
    const QList<QByteArray> rows = csv.split('\n');
    ASSERT_GE(rows.size(), 2);
    EXPECT_EQ(rows[0],
              "source_id,source_title,url,archive_url,accessed,file_name,path,sha256,"
              "size,media_type,added\r");
    const std::string expected = "src-a,Video of the wreckage,https://example.org/post,"
                                 "https://web.archive.org/web/2026/https://example.org/post,"
                                 "2026-01-02,'=cmd.jpg,evidence/"
        + hex + ".jpg," + hex + ",5,image/jpeg," + pinned.added.toEdtf() + "\r";
    EXPECT_EQ(rows[1].toStdString(), expected);
    EXPECT_EQ(rows.size(), 3) << "one row per pinned file, src-b pins none";

    const QString jsonPath = dir.filePath(QStringLiteral("manifest.json"));
    ASSERT_EQ(exportEvidenceManifest(project, jsonPath, EvidenceManifestFormat::Json), QString());
    const auto json = nlohmann::json::parse(readBytes(jsonPath).toStdString());
    EXPECT_EQ(json["format"], "claimline-evidence-manifest");
    ASSERT_EQ(json["files"].size(), 1u);
    const auto &file = json["files"][0];
    std::vector<std::string> keys;
    for (const auto &[key, value] : file.items())
        keys.emplace_back(key);
    std::vector<std::string> columns(EvidenceManifestColumns.begin(),
                                     EvidenceManifestColumns.end());
    std::sort(columns.begin(), columns.end());
    EXPECT_EQ(keys, columns);
    EXPECT_EQ(file["sha256"], hex);
    EXPECT_EQ(file["size"], 5);
    EXPECT_EQ(file["file_name"], "=cmd.jpg") << "JSON is not a spreadsheet: no formula guard";
    EXPECT_EQ(file["accessed"], "2026-01-02");
}

} // namespace
} // namespace claimline
