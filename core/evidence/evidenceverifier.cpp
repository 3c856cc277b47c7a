#include "evidence/evidenceverifier.h"

#include "evidence/evidencestore.h"
#include "model/project.h"

#include <QFileInfo>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <utility>

namespace claimline {

namespace {

QString hex(const Sha256 &hash)
{
    return QString::fromLatin1(sha256Hex(hash).c_str());
}

} // namespace

QString EvidenceProblem::line() const
{
    return path + QStringLiteral(": ") + what();
}

QString EvidenceProblem::what() const
{
    switch (kind) {
    case Kind::Missing:
        return QStringLiteral("missing");
    case Kind::Changed:
        return QStringLiteral("changed (expected sha256 %1, found %2)")
            .arg(hex(expected), hex(found));
    case Kind::Unreadable:
        return QStringLiteral("unreadable (%1)").arg(reason);
    }
    return {};
}

const EvidenceProblem *EvidenceReport::problemFor(const QString &path, const Sha256 &sha256) const
{
    const auto found
        = std::find_if(problems.begin(), problems.end(), [&](const EvidenceProblem &p) {
              return p.expected == sha256 && p.path == path;
          });
    return found == problems.end() ? nullptr : &*found;
}

const EvidenceProblem *EvidenceReport::problemFor(const Project &project,
                                                  const Attachment &attachment) const
{
    if (problems.empty())
        return nullptr;
    return problemFor(project.text(attachment.path), attachment.sha256);
}

bool EvidenceReport::sourceFails(const Project &project, std::uint32_t source) const
{
    if (problems.empty() || source >= project.sources().size())
        return false;
    const auto attachments = project.attachments(project.sources()[source].attachments);
    return std::any_of(attachments.begin(), attachments.end(),
                       [&](const Attachment &a) { return problemFor(project, a) != nullptr; });
}

EvidenceCheckList evidenceCheckList(const Project &project)
{
    EvidenceCheckList list;
    std::map<std::pair<std::string_view, Sha256>, std::size_t> seen;
    const auto &sources = project.sources();
    for (std::uint32_t s = 0; s < sources.size(); ++s) {
        for (const Attachment &a : project.attachments(sources[s].attachments)) {
            ++list.attachments;
            const std::string_view path = project.view(a.path);
            const auto [it, inserted] = seen.try_emplace({path, a.sha256}, list.entries.size());
            if (inserted)
                list.entries.push_back(
                    {QString::fromUtf8(path.data(), qsizetype(path.size())), a.sha256, {}});
            std::vector<std::uint32_t> &pinning = list.entries[it->second].sources;
            if (pinning.empty() || pinning.back() != s)
                pinning.push_back(s);
        }
    }
    std::sort(list.entries.begin(), list.entries.end(),
              [](const auto &a, const auto &b) { return a.path < b.path; });
    return list;
}

EvidenceReport verifyEvidence(const EvidenceCheckList &list, const EvidenceStore &store,
                              const std::atomic_bool *cancel,
                              const std::function<void(int, int)> &progress)
{
    EvidenceReport report;
    report.attachments = list.attachments;
    // A path recorded with two hashes (a hand-edited file) is read once.
    struct Hashed
    {
        bool exists = false;
        bool readable = false;
        Sha256 hash {};
        QString error;
    };
    std::map<QString, Hashed> hashed;
    const int total = int(list.entries.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        const EvidenceCheckList::Entry &entry = list.entries[std::size_t(i)];
        ++report.files;
        EvidenceProblem problem;
        problem.path = entry.path;
        problem.expected = entry.sha256;
        problem.sources = entry.sources;
        const QByteArray utf8 = entry.path.toUtf8();
        const std::string_view path(utf8.constData(), std::size_t(utf8.size()));
        auto it = hashed.find(entry.path);
        if (it == hashed.end()) {
            Hashed h;
            QString why;
            const QString file = store.existingFile(path, &why);
            h.exists = !file.isEmpty() || why != QLatin1String("missing");
            h.error = why;
            std::uint64_t size = 0;
            if (!file.isEmpty())
                h.readable = hashFile(file, &h.hash, &size, &h.error, cancel);
            if (cancel && cancel->load()) {
                report.cancelled = true;
                break;
            }
            it = hashed.emplace(entry.path, std::move(h)).first;
        }
        const Hashed &h = it->second;
        if (!h.exists) {
            problem.kind = EvidenceProblem::Kind::Missing;
        } else if (!h.readable) {
            problem.kind = EvidenceProblem::Kind::Unreadable;
            problem.reason = h.error;
        } else if (h.hash != entry.sha256) {
            problem.kind = EvidenceProblem::Kind::Changed;
            problem.found = h.hash;
        } else {
            if (progress)
                progress(i + 1, total);
            continue;
        }
        report.problems.push_back(std::move(problem));
        if (progress)
            progress(i + 1, total);
    }
    return report;
}

} // namespace claimline
