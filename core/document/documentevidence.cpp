// Document's evidence (document.h): pinning files to a source and taking them off its list,
// each one undo step through Document::edit(), and the last verification's report.

#include "document/document.h"
#include "evidence/attachmentlist.h"
#include "evidence/evidencestore.h"
#include "model/project.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace claimline {

int Document::attachFiles(std::uint32_t source, const QStringList &files, QStringList *errors)
{
    if (source >= m_project.sources().size() || files.isEmpty())
        return 0;
    if (!hasEvidenceFolder()) {
        if (errors)
            *errors << tr("Save the project first: its evidence is kept in a folder beside the "
                          "project file.");
        return 0;
    }
    const EvidenceStore store = EvidenceStore::forProjectFile(m_filePath);
    std::vector<PinnedFile> pinned;
    QStringList failed;
    for (const QString &file : files) {
        PinnedFile p = store.pin(file);
        if (p.isValid())
            pinned.push_back(std::move(p));
        else
            failed << p.error;
    }
    if (errors)
        *errors << failed;
    if (!failed.isEmpty())
        return 0;
    Source after = m_project.sources()[source];
    int added = 0;
    after.attachments = withPinnedFiles(m_project, after.attachments, pinned, &added);
    if (added == 0)
        return 0;
    const QString name = quotedName({ItemKind::Source, source});
    edit(source, after,
         pinned.size() == 1 ? tr("Attach %1 to %2").arg(pinned.front().name, name)
                            : tr("Attach %n files to %1", nullptr, added).arg(name));
    // Pinning hashed each file just now: a problem the last check found with it is gone.
    const auto size = m_evidence.problems.size();
    std::erase_if(m_evidence.problems, [&pinned](const EvidenceProblem &problem) {
        return std::any_of(pinned.begin(), pinned.end(), [&](const PinnedFile &file) {
            return file.path == problem.path && file.sha256 == problem.expected;
        });
    });
    if (m_evidence.problems.size() != size)
        Q_EMIT evidenceChanged();
    spdlog::info("attached {} file(s) to a source", added);
    return added;
}

bool Document::removeAttachment(std::uint32_t source, std::uint32_t index)
{
    if (source >= m_project.sources().size())
        return false;
    Source after = m_project.sources()[source];
    const auto list = m_project.attachments(after.attachments);
    if (index >= list.size())
        return false;
    const QString file = m_project.text(list[index].name).isEmpty()
        ? m_project.text(list[index].path)
        : m_project.text(list[index].name);
    after.attachments = withoutAttachment(m_project, after.attachments, index);
    edit(source, after, tr("Remove %1 from %2").arg(file, quotedName({ItemKind::Source, source})));
    spdlog::info("removed an attachment from a source");
    return true;
}

void Document::setEvidenceReport(EvidenceReport report)
{
    m_evidence = std::move(report);
    Q_EMIT evidenceChanged();
}

bool Document::evidenceFails(std::uint32_t source) const
{
    return m_evidence.sourceFails(m_project, source);
}

} // namespace claimline
