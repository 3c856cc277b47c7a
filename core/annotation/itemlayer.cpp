#include "annotation/itemlayer.h"

#include "model/itemkinds.h"
#include "model/project.h"

#include <algorithm>

namespace claimline {

ItemLayer layerOf(const Project &project, ItemRef item)
{
    if (!project.contains(item))
        return {};
    return visitItemKind(item.kind, [&]<typename Item>(std::type_identity<Item>) {
        const Item &x = project.items<Item>()[item.index];
        return ItemLayer {x.annotations, x.tags, x.starred};
    });
}

bool isAnnotated(const Project &project, ItemRef item)
{
    return layerOf(project, item).annotations.count > 0;
}

bool isAnnotatedBy(const Project &project, IndexRange annotations, std::string_view author)
{
    const auto list = project.annotations(annotations);
    return std::any_of(list.begin(), list.end(),
                       [&](const Annotation &a) { return project.view(a.author) == author; });
}

} // namespace claimline
