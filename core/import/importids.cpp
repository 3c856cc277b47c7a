#include "import/importids.h"

#include "model/idslug.h"
#include "model/project.h"

#include <QString>

namespace claimline {

std::string idSlug(std::string_view name)
{
    return idSlug(QString::fromUtf8(name.data(), qsizetype(name.size()))).toStdString();
}

std::string uniqueId(const Project &project, std::string_view base, std::string_view fallback)
{
    const bool fromBase = !base.empty();
    if (fromBase && !project.find(base))
        return std::string(base);
    const std::string stem(fromBase ? base : fallback);
    for (int n = fromBase ? 2 : 1;; ++n) {
        std::string id = stem + '-' + std::to_string(n);
        if (!project.find(id))
            return id;
    }
}

} // namespace claimline
