#include "inspector/tagseditor.h"

#include "annotation/itemlayer.h"
#include "document/document.h"
#include "inspector/fieldnote.h"
#include "model/itemkinds.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <QLabel>
#include <QLineEdit>
#include <QStringList>
#include <QVBoxLayout>

#include <algorithm>

namespace claimline {

namespace {

QString wordText(const Project &project, std::uint32_t word)
{
    const std::string_view text = project.word(word);
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// "events", "claims", "sources": the kind's name in the plural, as undo texts say it.
QString pluralOf(ItemKind kind)
{
    return QString::fromUtf8(arrayNameOf(kind));
}

} // namespace

TagsEditor::TagsEditor(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("inspectorTagsBox"));
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("inspectorTags"));
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("inspectorTagsNote"));
    m_note->setTextFormat(Qt::PlainText);
    m_note->setWordWrap(true);
    m_note->hide();
    // The field with its note under it in one box: a word-wrapped label in a form row of its
    // own is laid out one line high by QFormLayout (inspectorform.h: fieldBox()).
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit);
    layout->addWidget(m_note);
    setFocusProxy(m_edit);
}

std::vector<std::uint32_t> TagsEditor::sharedTags(const Project &project, ItemRef shown,
                                                  std::span<const std::uint32_t> group)
{
    std::vector<std::uint32_t> shared;
    for (const std::uint32_t word : project.indices(layerOf(project, shown).tags)) {
        if (std::find(shared.begin(), shared.end(), word) == shared.end())
            shared.push_back(word);
    }
    for (const std::uint32_t other : group) {
        if (other == shown.index || other >= project.count(shown.kind))
            continue;
        const std::span<const std::uint32_t> tags
            = project.indices(layerOf(project, {shown.kind, other}).tags);
        std::erase_if(shared, [tags](std::uint32_t word) {
            return std::find(tags.begin(), tags.end(), word) == tags.end();
        });
    }
    return shared;
}

void TagsEditor::fill(const Project &project, ItemRef shown, std::span<const std::uint32_t> group,
                      bool overwrite)
{
    const bool together = group.size() > 1;
    const std::vector<std::uint32_t> shared
        = together ? sharedTags(project, shown, group) : std::vector<std::uint32_t>();
    if (overwrite) {
        QStringList tags;
        if (together) {
            for (const std::uint32_t word : shared)
                tags << wordText(project, word);
        } else {
            for (const std::uint32_t word : project.indices(layerOf(project, shown).tags))
                tags << wordText(project, word);
        }
        const QString text = tags.join(QStringLiteral(", "));
        m_edit->setModified(false);
        if (m_edit->text() != text) {
            m_edit->setText(text);
            if (!m_edit->hasFocus())
                m_edit->setCursorPosition(0);
        }
    }
    if (!together) {
        m_edit->setPlaceholderText(tr("comma-separated"));
        m_note->hide();
        return;
    }
    const auto count = int(group.size());
    m_edit->setPlaceholderText(tr("none shared; comma-separated"));
    // The tags only some of the items have stay as they are: the user should know of them.
    constexpr qsizetype MaxListed = 12;
    QStringList some;
    std::vector<std::uint32_t> listed = shared;
    for (const std::uint32_t other : group) {
        if (other >= project.count(shown.kind))
            continue;
        for (const std::uint32_t word :
             project.indices(layerOf(project, {shown.kind, other}).tags)) {
            if (std::find(listed.begin(), listed.end(), word) != listed.end())
                continue;
            listed.push_back(word);
            if (some.size() < MaxListed)
                some << wordText(project, word);
            else if (some.size() == MaxListed)
                some << QString(QChar(0x2026));
        }
    }
    const QString all
        = tr("The tags all %1 selected %2 have.").arg(count).arg(pluralOf(shown.kind));
    showFieldNote(m_note,
                  some.isEmpty() ? all
                                 : tr("%1 Only some have (kept): %2")
                                       .arg(all, visibleText(some.join(QStringLiteral(", ")))));
}

std::vector<std::string> TagsEditor::typedTags() const
{
    std::vector<std::string> typed;
    for (const QString &tag : m_edit->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        std::string word = tag.trimmed().toStdString();
        if (!word.empty() && std::find(typed.begin(), typed.end(), word) == typed.end())
            typed.push_back(std::move(word));
    }
    return typed;
}

void TagsEditor::commit(Document *document, ItemRef shown, std::span<const std::uint32_t> group)
{
    const std::vector<std::string> typed = typedTags();
    m_edit->setModified(false);
    const Project &project = document->project();
    if (!project.contains(shown))
        return;
    if (group.size() < 2) {
        // The item shown alone: its tags are what is typed, in that order.
        std::vector<std::uint32_t> words;
        for (const std::string &word : typed)
            words.push_back(document->internWord(word));
        visitItemKind(shown.kind, [&]<typename Item>(std::type_identity<Item>) {
            Item after = project.items<Item>()[shown.index];
            after.tags = document->addIndices(words);
            document->edit(shown.index, after,
                           tr("Change tags of %1").arg(document->quotedName(shown)),
                           Document::Field::Tags);
        });
        return;
    }
    // Several items: what changed against the tags they share is added to or removed from
    // each of them; their other tags stay.
    std::vector<std::string> shared;
    for (const std::uint32_t word : sharedTags(project, shown, group))
        shared.emplace_back(project.word(word));
    std::vector<std::string> add;
    std::vector<std::string> remove;
    for (const std::string &word : typed) {
        if (std::find(shared.begin(), shared.end(), word) == shared.end())
            add.push_back(word);
    }
    for (const std::string &word : shared) {
        if (std::find(typed.begin(), typed.end(), word) == typed.end())
            remove.push_back(word);
    }
    if (add.empty() && remove.empty())
        return;
    std::vector<ItemRef> items;
    for (const std::uint32_t index : group)
        items.push_back({shown.kind, index});
    document->setTags(items, add, remove);
}

} // namespace claimline
