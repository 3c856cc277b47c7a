#include "evidence/attachmentlist.h"

#include "model/project.h"

#include <algorithm>
#include <vector>

namespace claimline {

IndexRange withPinnedFiles(Project &project, IndexRange existing,
                           std::span<const PinnedFile> pinned, int *added)
{
    const auto old = project.attachments(existing);
    std::vector<Attachment> list(old.begin(), old.end());
    int count = 0;
    for (const PinnedFile &file : pinned) {
        if (!file.isValid())
            continue;
        const QByteArray path = file.path.toUtf8();
        const std::string_view pathView(path.constData(), std::size_t(path.size()));
        const bool listed = std::any_of(list.begin(), list.end(), [&](const Attachment &a) {
            return a.sha256 == file.sha256 && project.view(a.path) == pathView;
        });
        if (listed)
            continue;
        Attachment a;
        a.path = project.addText(pathView);
        a.name = project.addText(file.name);
        a.mediaType = project.addText(file.mediaType);
        a.sha256 = file.sha256;
        a.size = file.size;
        a.added = file.added;
        list.push_back(a);
        ++count;
    }
    if (added)
        *added = count;
    if (count == 0)
        return existing;
    return project.addAttachments(list);
}

IndexRange withoutAttachment(Project &project, IndexRange existing, std::uint32_t index)
{
    const auto old = project.attachments(existing);
    if (index >= old.size())
        return existing;
    std::vector<Attachment> list(old.begin(), old.end());
    list.erase(list.begin() + index);
    return project.addAttachments(list);
}

} // namespace claimline
