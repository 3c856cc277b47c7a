#include "inspector/inspectorview.h"

#include "annotation/annotationthread.h"
#include "annotation/starbox.h"
#include "common/linkopener.h"
#include "common/wheelguard.h"
#include "document/document.h"
#include "document/selection.h"
#include "document/structurechange.h"
#include "inspector/actorform.h"
#include "inspector/claimform.h"
#include "inspector/eventform.h"
#include "inspector/inspectorfields.h"
#include "inspector/partyform.h"
#include "inspector/projectform.h"
#include "inspector/questionform.h"
#include "inspector/sourceform.h"
#include "model/itemkinds.h"

#include <QFrame>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace claimline {

using namespace inspector;

InspectorView::InspectorView(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_refreshTimer(new QTimer(this))
    , m_linkOpener(std::make_unique<LinkOpener>())
{
    Q_ASSERT(document && selection);
    setObjectName(QStringLiteral("inspectorView"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    m_heading = new QLabel(content);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    // Above the forms, not a spanning row of one: Qt 6.4's QFormLayout writes out of bounds
    // computing heightForWidth with a word-wrapped spanning row (valgrind).
    contentLayout->addWidget(m_heading);
    // The star first, where it is seen without scrolling whatever the form's length.
    m_star = new StarBox(document, content);
    m_star->hide();
    contentLayout->addWidget(m_star);
    // Every form exists from the start, hidden until an item of its kind is shown: a field
    // can be found by its name whatever is selected, and the size hint does not depend on it.
    const auto addForm = [this, contentLayout](InspectorForm *form) {
        form->hide();
        contentLayout->addWidget(form);
        m_forms[std::size_t(form->kind())] = form;
        connect(form, &InspectorForm::statusPicked, this, &InspectorView::commitStatus);
    };
    addForm(new EventForm(document, content));
    addForm(new ClaimForm(document, content));
    m_partyForm = new PartyForm(document, content);
    addForm(m_partyForm);
    addForm(new ActorForm(document, content));
    addForm(new SourceForm(document, m_linkOpener.get(), content));
    addForm(new QuestionForm(document, content));
    m_projectForm = new ProjectForm(document, content);
    m_projectForm->hide();
    contentLayout->addWidget(m_projectForm);
    // The annotations under the form, a rule between the item's own fields and what the
    // analyst adds to it.
    m_layer = new QWidget(content);
    m_layer->setObjectName(QStringLiteral("inspectorAnnotations"));
    auto *rule = new QFrame(m_layer);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Sunken);
    m_thread = new AnnotationThread(document, m_layer);
    auto *layerLayout = new QVBoxLayout(m_layer);
    layerLayout->setContentsMargins(0, 6, 0, 0);
    layerLayout->setSpacing(8);
    layerLayout->addWidget(rule);
    layerLayout->addWidget(m_thread);
    m_layer->hide();
    contentLayout->addWidget(m_layer);
    contentLayout->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    m_askReason = [this](const QString &question, QString *reason) {
        bool ok = false;
        *reason = QInputDialog::getText(this, tr("Change Status"), question, QLineEdit::Normal, {},
                                        &ok);
        return ok;
    };

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &InspectorView::refresh);
    connect(m_selection, &Selection::changed, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::reset, this, [this] {
        // Another project: what was typed belongs to none of its items, and the item shown
        // (even at the same index) is another one.
        m_item = {};
        if (m_shown)
            m_shown->followItem(NoIndex);
        scheduleRefresh();
    });
    for (const auto changed :
         {&Document::eventChanged, &Document::claimChanged, &Document::partyChanged,
          &Document::actorChanged, &Document::sourceChanged, &Document::questionChanged})
        connect(m_document, changed, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::structureChanged, this, &InspectorView::followStructure);
    connect(m_document, &Document::metaChanged, this, &InspectorView::scheduleRefresh);
    // A citation of a source whose evidence failed is marked in the events' and claims' forms.
    connect(m_document, &Document::evidenceChanged, this, &InspectorView::scheduleRefresh);
    refresh();
}

InspectorView::~InspectorView()
{
    // The forms are destroyed after this body, by ~QWidget, and a field losing the focus then
    // announces editingFinished: that is no edit. Committing it would send a Document signal
    // to this half-destroyed view (a slot of an InspectorView that is no longer one). The
    // Document itself may already be gone (a sibling destroyed first): it is not touched.
    for (InspectorForm *form : m_forms) {
        if (!form)
            continue;
        for (QObject *field : form->findChildren<QObject *>())
            disconnect(field, nullptr, form, nullptr);
        disconnect(form, nullptr, this, nullptr);
    }
    if (m_projectForm) {
        for (QObject *field : m_projectForm->findChildren<QObject *>())
            disconnect(field, nullptr, m_projectForm, nullptr);
    }
}

QSize InspectorView::sizeHint() const
{
    // As wide as the widest form needs (an event's or a claim's, for the citation editor's
    // row of source, Add and Remove), with the vertical scroll bar beside it: the dock then
    // opens without a horizontal scroll bar cutting off the fields. The forms of every kind
    // exist, hidden, so this does not depend on the item shown.
    int label = 0;
    int field = 0;
    for (const InspectorForm *form : m_forms) {
        label = std::max(label, form->labelWidth());
        field = std::max(field, form->fieldWidth());
    }
    const QMargins margins = m_heading->parentWidget()->layout()->contentsMargins();
    const int spacing = m_forms.front()->horizontalSpacing();
    const int form = margins.left() + label + spacing + field + margins.right()
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    const QFontMetrics metrics(font());
    return {std::max(metrics.averageCharWidth() * 56, form), metrics.lineSpacing() * 30};
}

void InspectorView::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone valid = zone.isValid() ? zone : QTimeZone::utc();
    if (valid == m_zone)
        return;
    m_zone = valid;
    for (InspectorForm *form : m_forms)
        form->setTimeZone(valid);
    scheduleRefresh();
}

void InspectorView::setChooseColor(ColorButton::ChooseColor choose)
{
    m_partyForm->setChooseColor(std::move(choose));
}

void InspectorView::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void InspectorView::followStructure(const StructureChange &change)
{
    // Indices after a removed item shift: the item being edited may now have another index,
    // or be gone. The Selection follows too; the refresh then shows its current item.
    if (m_item.isValid())
        m_item = change.remapped(m_item);
    if (!m_item.isValid())
        m_item = {};
    if (m_shown)
        m_shown->followItem(m_item.isValid() ? m_item.index : NoIndex);
    scheduleRefresh();
}

void InspectorView::showForm(InspectorForm *form)
{
    if (form == m_shown)
        return;
    // The form shown before edits nothing more: hiding a field that has the focus makes it
    // announce that editing finished.
    if (m_shown) {
        m_shown->followItem(NoIndex);
        m_shown->hide();
    }
    m_shown = form;
    if (!form)
        return;
    // First among its siblings, so that a field looked up by name (tests, scripts) is the
    // shown form's: the party's and the actor's forms both have an inspectorName field, the
    // event's and the claim's both have inspectorStatus and inspectorCitations.
    form->lower();
    form->show();
}

void InspectorView::setAskAnalystName(AnalystNameDialog::Ask ask)
{
    m_thread->setAskName(std::move(ask));
}

void InspectorView::refresh()
{
    m_refreshTimer->stop();
    const Project &project = m_document->project();
    ItemRef item = m_selection->current();
    if (!item.isValid() && !m_selection->isEmpty())
        item = m_selection->items().back();
    if (!item.isValid() || item.index >= project.count(item.kind))
        item = {};
    // The items the tags field edits together: every selected item of the shown one's kind,
    // when it is one of several.
    std::vector<std::uint32_t> group;
    std::size_t statusItems = 0; // selected events and claims
    for (const ItemRef &selected : m_selection->items()) {
        if (selected.index >= project.count(selected.kind))
            continue;
        if (item.isValid() && selected.kind == item.kind)
            group.push_back(selected.index);
        if (selected.kind == ItemKind::Event || selected.kind == ItemKind::Claim)
            ++statusItems;
    }
    if (group.size() < 2)
        group.clear();
    InspectorForm *form = item.isValid() ? m_forms[std::size_t(item.kind)] : nullptr;
    const bool newGroup = form && group != form->selectedItems();
    if ((item != m_item || newGroup) && m_shown)
        m_shown->flushPending(); // into the item (or the items) it was typed for
    const bool newItem = item != m_item || newGroup;
    m_item = item;
    const std::size_t together = group.size();
    if (form)
        form->setSelectedItems(std::move(group));

    showForm(form);
    if (form) {
        m_projectForm->hide();
        form->showItem(item.index, newItem);
        m_heading->setText(form->heading());
    } else {
        // Nothing selected: the project's own fields.
        m_projectForm->fill();
        m_projectForm->show();
        m_heading->setText(m_projectForm->heading());
    }
    // The star is for the whole selection (the item shown alone when it is not selected).
    std::vector<ItemRef> starred = m_selection->items();
    if (item.isValid() && !m_selection->contains(item))
        starred = {item};
    m_star->setItems(std::move(starred));
    m_star->setVisible(form != nullptr);
    m_thread->setItem(item);
    m_thread->refresh();
    m_layer->setVisible(form != nullptr);
    const QString note = selectionNote(item, together, statusItems);
    if (!note.isEmpty())
        m_heading->setText(m_heading->text() + QLatin1Char('\n') + note);
    // The wheel scrolls the form, not a field it passes over (fields a form made just now too).
    WheelGuard::guard(this);
}

QString InspectorView::selectionNote(ItemRef item, std::size_t group, std::size_t statusItems) const
{
    if (!item.isValid())
        return {};
    const bool hasStatus = item.kind == ItemKind::Event || item.kind == ItemKind::Claim;
    const QString kinds = QString::fromUtf8(arrayNameOf(item.kind));
    if (group > 1 && hasStatus) {
        // The events and claims not of the shown kind take the status, not the tags.
        const std::size_t others = statusItems - group;
        if (others == 0)
            return tr("%1 %2 selected: tags and status set here apply to all of them.")
                .arg(group)
                .arg(kinds);
        const bool events = item.kind == ItemKind::Claim;
        const QString other = others == 1
            ? (events ? tr("1 event") : tr("1 claim"))
            : (events ? tr("%1 events") : tr("%1 claims")).arg(others);
        return tr("%1 %2 and %3 selected: a status set here applies to all of them, tags to "
                  "the %2.")
            .arg(group)
            .arg(kinds, other);
    }
    if (group > 1)
        return tr("%1 %2 selected: tags set here apply to all of them.").arg(group).arg(kinds);
    if (hasStatus && m_selection->items().size() > 1)
        return tr("%1 items selected: a status set here applies to all of them.")
            .arg(m_selection->items().size());
    return {};
}

void InspectorView::commitStatus(Status status)
{
    if (!m_item.isValid())
        return;
    // Every selected event and claim, or the one shown.
    std::vector<ItemRef> items;
    for (const ItemRef &item : m_selection->items()) {
        if (item.kind == ItemKind::Event || item.kind == ItemKind::Claim)
            items.push_back(item);
    }
    if (items.empty())
        items.push_back(m_item);
    const QString question = items.size() == 1
        ? tr("Why is %1 now %2? (optional)")
              .arg(m_document->quotedName(items.front()), latin1(nameOf(status)))
        : tr("Why are these %1 items now %2? (optional)")
              .arg(items.size())
              .arg(latin1(nameOf(status)));
    QString reason;
    if (!m_askReason(question, &reason)) {
        scheduleRefresh(); // cancelled: show the status the item still has
        return;
    }
    m_document->setStatus(items, status, reason);
    scheduleRefresh();
}

} // namespace claimline
