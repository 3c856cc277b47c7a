#include "annotation/starbox.h"

#include "annotation/itemlayer.h"
#include "document/document.h"

namespace claimline {

StarBox::StarBox(Document *document, QWidget *parent)
    : QCheckBox(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("starBox"));
    // Tristate for showing a mixed selection only: nextCheckState() never steps into it.
    setTristate(true);
    refresh();
}

void StarBox::setItems(std::vector<ItemRef> items)
{
    m_items = std::move(items);
    refresh();
}

void StarBox::refresh()
{
    const Project &project = m_document->project();
    std::size_t count = 0;
    std::size_t starred = 0;
    for (const ItemRef &item : m_items) {
        if (!project.contains(item))
            continue;
        ++count;
        starred += layerOf(project, item).starred ? 1 : 0;
    }
    setEnabled(count > 0);
    const Qt::CheckState state = starred == 0 ? Qt::Unchecked
        : starred == count                    ? Qt::Checked
                                              : Qt::PartiallyChecked;
    setCheckState(state);
    // The mark is text, not a colour alone: ★ starred, ☆ not.
    if (count <= 1) {
        setText(starred ? tr("★ Starred") : tr("☆ Star"));
        setToolTip(starred ? tr("Starred: click to unstar (Edit ▸ Unstar)")
                           : tr("Mark this item for yourself; Filter ▸ Starred only shows "
                                "starred items"));
    } else if (state == Qt::PartiallyChecked) {
        setText(tr("★ %1 of %2 selected starred").arg(starred).arg(count));
        setToolTip(tr("Some of the selected items are starred: click to star all %1").arg(count));
    } else {
        setText(starred ? tr("★ All %1 selected starred").arg(count)
                        : tr("☆ Star all %1 selected").arg(count));
        setToolTip(starred ? tr("Click to unstar all %1 selected items").arg(count)
                           : tr("Click to star all %1 selected items").arg(count));
    }
    setAccessibleName(text());
}

void StarBox::nextCheckState()
{
    // The document decides what the box shows (refresh() after the edit): a refused or empty
    // edit leaves it as it was.
    const bool star = checkState() != Qt::Checked;
    m_document->setStarred(m_items, star);
    refresh();
}

} // namespace claimline
