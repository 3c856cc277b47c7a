#include "annotation/annotationactions.h"

#include "annotation/itemlayer.h"
#include "common/connecteach.h"
#include "document/document.h"
#include "document/selection.h"

#include <QAction>

#include <algorithm>

namespace claimline {

namespace {

// Whether every selected item the project has is starred (and there is one).
bool allStarred(const Project &project, const std::vector<ItemRef> &items)
{
    bool any = false;
    for (const ItemRef &item : items) {
        if (!project.contains(item))
            continue;
        if (!layerOf(project, item).starred)
            return false;
        any = true;
    }
    return any;
}

} // namespace

AnnotationActions::AnnotationActions(Document *document, Selection *selection, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_selection(selection)
    , m_window(window)
    , m_askName(&AnalystNameDialog::ask)
{
    m_star = new QAction(tr("&Star"), this);
    m_star->setObjectName(QStringLiteral("starAction"));
    m_star->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_star, &QAction::triggered, this, &AnnotationActions::toggleStar);
    m_analystName = new QAction(tr("Analyst &Name…"), this);
    m_analystName->setObjectName(QStringLiteral("analystNameAction"));
    m_analystName->setStatusTip(tr("The name your annotations are signed with"));
    connect(m_analystName, &QAction::triggered, this, &AnnotationActions::changeAnalystName);

    connect(m_selection, &Selection::changed, this, &AnnotationActions::updateStar);
    connectEach(m_document, this, &AnnotationActions::updateStar, &Document::reset,
                &Document::eventChanged, &Document::claimChanged, &Document::partyChanged,
                &Document::actorChanged, &Document::sourceChanged, &Document::questionChanged,
                &Document::structureChanged);
    updateStar();
}

void AnnotationActions::updateStar()
{
    const Project &project = m_document->project();
    const std::vector<ItemRef> &items = m_selection->items();
    const bool any = std::any_of(items.begin(), items.end(),
                                 [&](const ItemRef &item) { return project.contains(item); });
    m_star->setEnabled(any);
    const bool unstar = allStarred(project, items);
    m_star->setText(unstar ? tr("Un&star") : tr("&Star"));
    m_star->setStatusTip(unstar ? tr("Take the star off the selected items")
                                : tr("Star the selected items: marked ★ where they are listed, "
                                     "and Filter ▸ Starred only shows them"));
}

int AnnotationActions::toggleStar()
{
    const std::vector<ItemRef> &items = m_selection->items();
    const int changed = m_document->setStarred(items, !allStarred(m_document->project(), items));
    updateStar();
    return changed;
}

void AnnotationActions::changeAnalystName()
{
    const QString name
        = m_askName(m_window, AnalystNameDialog::saved(),
                    tr("Your annotations are signed with this name. Annotations already written "
                       "keep the name they were signed with."));
    if (!name.simplified().isEmpty())
        AnalystNameDialog::save(name);
}

} // namespace claimline
