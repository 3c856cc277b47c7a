#include "format/reader/fieldassigner.h"

#include "annotation/itemlayer.h"

#include "format/reader/problemlist.h"
#include "format/reader/saxscalar.h"
#include "model/itemkinds.h"
#include "model/project.h"

// The analyst's own layer on every kind of item: its star and its annotations (tags are a
// list of words, assigned with an event's; fieldassigner.cpp has the rest).

namespace claimline {

void FieldAssigner::assignStarred(const Frame &frame, const SaxScalar &value)
{
    const std::optional<ItemKind> kind = ProjectSchema::itemKindOf(frame.ctx);
    if (!kind)
        return;
    visitItemKind(*kind, [&]<typename Item>(std::type_identity<Item>) {
        flag(frame, value, m_project.items<Item>()[frame.entity].starred);
    });
}

void FieldAssigner::assignAnnotation(const Frame &frame, const SaxScalar &value)
{
    Project &p = m_project;
    Annotation &annotation = p.annotationPool().back();
    switch (static_cast<keys::Annotation>(frame.field)) {
    case keys::Annotation::Author:
        annotation.author = store(frame, value);
        break;
    case keys::Annotation::At:
        if (const auto s = text(frame, value)) {
            std::string error;
            const auto at = FuzzyTime::parse(*s, &error);
            // What the app writes: one moment, to the minute or second, in UTC.
            if (!at)
                m_problems.add(currentPointer(), error);
            else if (!isAnnotationInstant(*at))
                m_problems.add(currentPointer(),
                               "must be an instant in UTC such as \"2026-01-02T09:30:00Z\", not "
                                   + quoted(*s));
            else
                annotation.at = *at;
        }
        break;
    case keys::Annotation::Text:
        annotation.text = store(frame, value);
        break;
    }
}

} // namespace claimline
