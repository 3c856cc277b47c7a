// The Document's edits of the analyst's own layer (model.h: Annotation): tags and stars on any
// number of items, and each item's thread of annotations. Every edit replaces the item with a
// copy whose lists point at new runs of the append-only pools, so undo restores the old runs.

#include "document/document.h"

#include "annotation/itemlayer.h"
#include "document/commands/editcommand.h"
#include "model/itemkinds.h"

#include <QDateTime>
#include <QUndoStack>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

namespace claimline {

namespace {

QString quotedWord(const std::string &word)
{
    return QChar(0x2018) + QString::fromStdString(word) + QChar(0x2019);
}

// The items of `refs` the project has, each once, in the order given.
std::vector<ItemRef> distinctItems(const Project &project, const std::vector<ItemRef> &refs)
{
    std::vector<ItemRef> items;
    for (const ItemRef &ref : refs) {
        if (project.contains(ref) && std::find(items.begin(), items.end(), ref) == items.end())
            items.push_back(ref);
    }
    return items;
}

// "‘Strike on Kyiv’", "3 events", "4 items" (kinds mixed): what an undo text names.
template<typename Edits>
QString whichItems(const Document &document, const Edits &edits)
{
    if (edits.size() == 1)
        return document.quotedName(edits.front().first);
    const ItemKind kind = edits.front().first.kind;
    const bool oneKind = std::all_of(edits.begin(), edits.end(),
                                     [kind](const auto &edit) { return edit.first.kind == kind; });
    const auto n = int(edits.size());
    if (!oneKind)
        return Document::tr("%1 items").arg(n);
    switch (kind) {
    case ItemKind::Party:
        return Document::tr("%1 parties").arg(n);
    case ItemKind::Actor:
        return Document::tr("%1 actors").arg(n);
    case ItemKind::Source:
        return Document::tr("%1 sources").arg(n);
    case ItemKind::Event:
        return Document::tr("%1 events").arg(n);
    case ItemKind::Question:
        return Document::tr("%1 questions").arg(n);
    case ItemKind::Claim:
        return Document::tr("%1 claims").arg(n);
    }
    return Document::tr("%1 items").arg(n);
}

// One item's edit, made once the undo text (which names how many changed) is known.
using PendingEdit = std::function<QUndoCommand *(const QString &text)>;

// The edit of every item `change(item)` changes (it returns whether it did), as commands to
// push: Item after = before; change(after).
template<typename Change>
std::vector<std::pair<ItemRef, PendingEdit>>
pendingEdits(Document *document, const std::vector<ItemRef> &items, Change &&change)
{
    std::vector<std::pair<ItemRef, PendingEdit>> edits;
    for (const ItemRef &ref : items) {
        visitItemKind(ref.kind, [&]<typename Item>(std::type_identity<Item>) {
            Item after = document->project().items<Item>()[ref.index];
            if (!change(after))
                return;
            edits.emplace_back(ref, [document, index = ref.index, after](const QString &text) {
                return new EditCommand<Item>(document, index, after, -1, text);
            });
        });
    }
    return edits;
}

// The edit of one item's thread of annotations: `change(list, item)` edits a copy of the list
// (and may touch the item's other fields) and says whether anything changed; the item then
// points at the new list, appended to the pool. Nothing when it changed nothing.
template<typename Change>
std::optional<PendingEdit> threadEdit(Document *document, Project &project, ItemRef item,
                                      Change &&change)
{
    const auto edits = pendingEdits(document, {item}, [&](auto &x) {
        const auto had = project.annotations(x.annotations);
        std::vector<Annotation> list(had.begin(), had.end());
        if (!change(list, x))
            return false;
        x.annotations = project.addAnnotations(list);
        return true;
    });
    if (edits.empty())
        return std::nullopt;
    return edits.front().second;
}

} // namespace

int Document::setTags(const std::vector<ItemRef> &refs, const std::vector<std::string> &add,
                      const std::vector<std::string> &remove)
{
    std::vector<std::uint32_t> added; // words
    for (const std::string &tag : add) {
        if (tag.empty())
            continue;
        const std::uint32_t word = m_project.internWord(tag);
        if (std::find(added.begin(), added.end(), word) == added.end())
            added.push_back(word);
    }
    // A tag removed is matched by its spelling: one no item has is never interned.
    const auto removed = [&](std::uint32_t word) {
        return std::find(added.begin(), added.end(), word) == added.end()
            && std::find(remove.begin(), remove.end(), m_project.word(word)) != remove.end();
    };
    const auto edits = pendingEdits(this, distinctItems(m_project, refs), [&](auto &item) {
        const std::span<const std::uint32_t> had = m_project.indices(item.tags);
        // The item's own order is kept (a repeated tag too, unless removed); added ones last.
        std::vector<std::uint32_t> tags;
        for (const std::uint32_t word : had) {
            if (!removed(word))
                tags.push_back(word);
        }
        for (const std::uint32_t word : added) {
            if (std::find(tags.begin(), tags.end(), word) == tags.end())
                tags.push_back(word);
        }
        if (std::ranges::equal(tags, had))
            return false;
        item.tags = m_project.addIndices(tags);
        return true;
    });
    if (edits.empty())
        return 0;
    const QString which = whichItems(*this, edits);
    QString text;
    if (add.size() == 1 && remove.empty())
        text = tr("Add tag %1 to %2").arg(quotedWord(add.front()), which);
    else if (add.empty() && remove.size() == 1)
        text = tr("Remove tag %1 from %2").arg(quotedWord(remove.front()), which);
    else
        text = tr("Change tags of %1").arg(which);
    // One undo step for the lot, as setStatus(): a macro of one command per item.
    m_undoStack->beginMacro(text);
    for (const auto &[ref, edit] : edits)
        m_undoStack->push(edit(text));
    m_undoStack->endMacro();
    spdlog::info("changed the tags of {} item(s)", edits.size());
    return int(edits.size());
}

int Document::setStarred(const std::vector<ItemRef> &refs, bool starred)
{
    const auto edits = pendingEdits(this, distinctItems(m_project, refs), [&](auto &item) {
        if (item.starred == starred)
            return false;
        item.starred = starred;
        return true;
    });
    if (edits.empty())
        return 0;
    const QString which = whichItems(*this, edits);
    const QString text = starred ? tr("Star %1").arg(which) : tr("Unstar %1").arg(which);
    m_undoStack->beginMacro(text);
    for (const auto &[ref, edit] : edits)
        m_undoStack->push(edit(text));
    m_undoStack->endMacro();
    spdlog::info("{} {} item(s)", starred ? "starred" : "unstarred", edits.size());
    return int(edits.size());
}

bool Document::addAnnotation(ItemRef item, const QString &author, const QString &text,
                             const FuzzyTime &at)
{
    const QString body = text.trimmed();
    const QString who = author.simplified();
    if (!m_project.contains(item) || body.isEmpty() || who.isEmpty()
        || (!at.isNull() && !isAnnotationInstant(at)))
        return false;
    Annotation annotation;
    annotation.author = m_project.addText(who);
    annotation.text = m_project.addText(body);
    annotation.at = at.isNull()
        ? FuzzyTime::fromInstant(QDateTime::currentSecsSinceEpoch(), Precision::Second)
        : at;
    const auto edit = threadEdit(this, m_project, item, [&](auto &list, auto &) {
        list.push_back(annotation);
        return true;
    });
    m_undoStack->push((*edit)(tr("Annotate %1").arg(quotedName(item))));
    spdlog::info("annotated an item");
    return true;
}

bool Document::editAnnotation(ItemRef item, std::uint32_t position, const QString &text)
{
    const QString body = text.trimmed();
    if (!m_project.contains(item) || body.isEmpty())
        return false;
    const auto edit = threadEdit(this, m_project, item, [&](auto &list, auto &) {
        if (position >= list.size() || m_project.text(list[position].text) == body)
            return false;
        list[position].text = m_project.addText(body);
        return true;
    });
    if (!edit)
        return false;
    m_undoStack->push((*edit)(tr("Edit annotation of %1").arg(quotedName(item))));
    spdlog::info("edited an annotation");
    return true;
}

bool Document::removeAnnotation(ItemRef item, std::uint32_t position)
{
    if (!m_project.contains(item))
        return false;
    const auto edit = threadEdit(this, m_project, item, [&](auto &list, auto &x) {
        if (position >= list.size())
            return false;
        list.erase(list.begin() + std::ptrdiff_t(position));
        // Unknown fields kept inside the annotations are kept by position: the ones of the
        // annotation that goes go with it, so that none moves onto its neighbour.
        if (x.extra != NoIndex) {
            const nlohmann::json &extra = m_project.extra(x.extra);
            const auto kept = extra.find("annotations");
            if (kept != extra.end() && kept->is_array() && position < kept->size()) {
                nlohmann::json changed = extra;
                changed["annotations"].erase(position);
                x.extra = m_project.addExtra(std::move(changed));
            }
        }
        return true;
    });
    if (!edit)
        return false;
    m_undoStack->push((*edit)(tr("Delete annotation of %1").arg(quotedName(item))));
    spdlog::info("deleted an annotation");
    return true;
}

} // namespace claimline
