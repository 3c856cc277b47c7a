#include "annotation/annotationlist.h"

#include "annotation/itemlayer.h"
#include "model/itemkinds.h"
#include "model/project.h"
#include "search/searchtext.h"

#include <QCollator>

#include <algorithm>
#include <set>

namespace claimline {

const Annotation &annotationAt(const Project &project, const AnnotationEntry &entry)
{
    static const Annotation none;
    const IndexRange range = layerOf(project, entry.item).annotations;
    return entry.position < range.count ? project.annotations(range)[entry.position] : none;
}

std::vector<AnnotationEntry> listAnnotations(const Project &project)
{
    std::vector<AnnotationEntry> entries;
    forEachItemType([&]<typename Item>(std::type_identity<Item>) {
        const auto &items = project.items<Item>();
        for (std::uint32_t i = 0; i < items.size(); ++i) {
            for (std::uint32_t k = 0; k < items[i].annotations.count; ++k)
                entries.push_back({{ItemTraits<Item>::kind, i}, k});
        }
    });
    std::stable_sort(
        entries.begin(), entries.end(), [&](const AnnotationEntry &a, const AnnotationEntry &b) {
            return annotationAt(project, a).at.start() > annotationAt(project, b).at.start();
        });
    return entries;
}

bool annotationMatches(const Project &project, const AnnotationEntry &entry,
                       const QString &foldedNeedle)
{
    if (foldedNeedle.isEmpty())
        return true;
    const Annotation &a = annotationAt(project, entry);
    for (const TextRef text :
         {a.text, a.author, project.labelOf(entry.item), project.idOf(entry.item)}) {
        if (containsFolded(project.text(text), foldedNeedle))
            return true;
    }
    return false;
}

QStringList annotationAuthors(const Project &project)
{
    std::set<std::string_view> seen;
    QStringList authors;
    forEachItemType([&]<typename Item>(std::type_identity<Item>) {
        for (const Item &item : project.items<Item>()) {
            for (const Annotation &a : project.annotations(item.annotations)) {
                if (seen.insert(project.view(a.author)).second)
                    authors.push_back(project.text(a.author));
            }
        }
    });
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(authors.begin(), authors.end(), collator);
    return authors;
}

QString annotationsText(const Project &project, IndexRange annotations)
{
    QStringList lines;
    for (const Annotation &a : project.annotations(annotations))
        lines.push_back(QStringLiteral("[%1 %2] %3")
                            .arg(QString::fromStdString(a.at.toEdtf()), project.text(a.author),
                                 project.text(a.text)));
    return lines.join(QLatin1Char('\n'));
}

} // namespace claimline
