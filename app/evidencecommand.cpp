#include "evidencecommand.h"

#include "commandlineio.h"

#include "evidence/attachmentlist.h"
#include "evidence/evidencestore.h"
#include "evidence/evidenceverifier.h"
#include "format/projectreader.h"
#include "format/projectwriter.h"

#include <QCommandLineParser>

#include <spdlog/spdlog.h>

#include <vector>

namespace claimline::cli {

namespace {

// Loads the project, or prints its problems and returns nullopt.
std::optional<Project> loadOrReport(const QString &file)
{
    LoadResult result = loadProject(file);
    if (!result.ok()) {
        for (const Problem &problem : result.problems)
            err() << file << ": " << problem.toString() << "\n";
        err().flush();
        return std::nullopt;
    }
    return std::move(*result.project);
}

} // namespace

int attachEvidence(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Pin files to a source as evidence: each is copied into the evidence folder beside the "
        "project (named by its SHA-256, stored once) and recorded with its hash, size, name, "
        "media type and the time it was added. The project is saved in place."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("attach"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Files to pin."),
                                 QStringLiteral("FILE..."));
    parser.addOption(
        {QStringLiteral("source"), QStringLiteral("The id of the source."), QStringLiteral("ID")});
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() < 2 || !parser.isSet(QStringLiteral("source"))) {
        err() << "attach: usage: claimline attach PROJECT --source ID FILE...\n" << Qt::flush;
        return 2;
    }
    const QString &projectFile = positional.first();
    std::optional<Project> project = loadOrReport(projectFile);
    if (!project)
        return 1;
    const QByteArray id = parser.value(QStringLiteral("source")).toUtf8();
    const std::optional<ItemRef> source = project->find({id.constData(), std::size_t(id.size())});
    if (!source || source->kind != ItemKind::Source) {
        err() << projectFile << ": no source with the id \"" << QString::fromUtf8(id) << "\"\n"
              << Qt::flush;
        return 1;
    }

    const EvidenceStore store = EvidenceStore::forProjectFile(projectFile);
    std::vector<PinnedFile> pinned;
    bool failed = false;
    for (const QString &file : positional.mid(1)) {
        PinnedFile p = store.pin(file);
        if (!p.isValid()) {
            err() << p.error << "\n";
            failed = true;
            continue;
        }
        pinned.push_back(std::move(p));
    }
    err().flush();
    // Nothing is recorded when a file could not be pinned: the command is all or nothing, so a
    // script that retries does not half-attach.
    if (failed)
        return 1;

    Source &s = project->sources()[source->index];
    int added = 0;
    s.attachments = withPinnedFiles(*project, s.attachments, pinned, &added);
    if (added > 0) {
        if (const QString error = saveProject(*project, projectFile); !error.isEmpty()) {
            err() << error << "\n" << Qt::flush;
            return 1;
        }
    }
    for (const PinnedFile &p : pinned)
        out() << p.path << " sha256 " << QString::fromLatin1(sha256Hex(p.sha256).c_str()) << " "
              << p.size << " bytes: " << p.name << "\n";
    out().flush();
    spdlog::info("attached {} file(s) to a source ({} new)", pinned.size(), added);
    return 0;
}

int verifyEvidence(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Hash every file pinned to the project's sources again. Exit 0 when all are present and "
        "unchanged; else exit 1 with one line per problem, naming the file by its recorded "
        "path: \"PATH: missing\" or \"PATH: changed (expected sha256 …, found …)\"."));
    addCommonOptions(parser);
    parser.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("The sub-command."));
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("The project file."));
    int code = 0;
    if (!parseOrExit(parser, arguments, &code))
        return code;
    const QStringList positional = parser.positionalArguments().mid(1);
    if (positional.size() != 1) {
        err() << "verify: usage: claimline verify PROJECT\n" << Qt::flush;
        return 2;
    }
    const std::optional<Project> project = loadOrReport(positional.first());
    if (!project)
        return 1;
    const EvidenceReport report = claimline::verifyEvidence(
        evidenceCheckList(*project), EvidenceStore::forProjectFile(positional.first()));
    for (const EvidenceProblem &problem : report.problems)
        out() << problem.line() << "\n";
    out().flush();
    spdlog::info("verified {} evidence file(s): {} problem(s)", report.files,
                 report.problems.size());
    return report.isClean() ? 0 : 1;
}

} // namespace claimline::cli
