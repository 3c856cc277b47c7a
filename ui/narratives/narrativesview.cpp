#include "narratives/narrativesview.h"

#include "document/document.h"
#include "document/filter.h"
#include "document/selection.h"
#include "export/exportformats.h"
#include "export/narrativeshtml.h"
#include "model/project.h"
#include "narratives/claimdialog.h"
#include "narratives/narrativescanvas.h"
#include "narratives/narrativesexport.h"
#include "narratives/partylistpicker.h"
#include "present/narrativestext.h"
#include "publish/exportformats.h"
#include "session/safewrite.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QImageWriter>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace claimline {

namespace {

std::uint32_t partyById(const Project &project, std::string_view id)
{
    const auto item = project.find(id);
    return item && item->kind == ItemKind::Party ? item->index : NoIndex;
}

// The parties of a saved view's "a" or "b" (an array of party ids), unknown ids skipped.
std::vector<std::uint32_t> partiesOf(const Project &project, const nlohmann::json &ids)
{
    std::vector<std::uint32_t> parties;
    if (!ids.is_array())
        return parties;
    for (const nlohmann::json &id : ids) {
        if (!id.is_string())
            continue;
        const std::uint32_t party = partyById(project, id.get_ref<const std::string &>());
        if (party != NoIndex)
            parties.push_back(party);
    }
    return parties;
}

std::vector<PartyListPicker::Preset> narrativePresets(const Project &project)
{
    std::vector<PartyListPicker::Preset> presets;
    for (std::uint32_t p = 0; p < project.parties().size(); ++p)
        presets.push_back({NarrativesText::partyName(project, p), {p}});
    const std::uint32_t us = partyById(project, "united-states");
    const std::uint32_t eu = partyById(project, "european-union");
    if (us != NoIndex && eu != NoIndex)
        presets.push_back({QStringLiteral("U.S./EU"), {us, eu}});
    return presets;
}

std::vector<std::uint32_t> allParties(const Project &project)
{
    std::vector<std::uint32_t> parties(project.parties().size());
    for (std::uint32_t p = 0; p < parties.size(); ++p)
        parties[p] = p;
    return parties;
}

} // namespace

NarrativesView::NarrativesView(Document *document, Selection *selection, Filter *filter,
                               QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_filter(filter)
    , m_canvas(new NarrativesCanvas(this))
    , m_rebuildTimer(new QTimer(this))
{
    Q_ASSERT(document && selection && filter);
    setObjectName(QStringLiteral("narrativesView"));
    createControls();

    // One rebuild per turn of the event loop, however many changes arrive in it.
    m_rebuildTimer->setSingleShot(true);
    m_rebuildTimer->setInterval(0);
    connect(m_rebuildTimer, &QTimer::timeout, this, &NarrativesView::rebuild);
    connect(m_document, &Document::reset, this, &NarrativesView::documentReset);
    connect(m_document, &Document::claimChanged, this, &NarrativesView::claimChanged);
    connect(m_document, &Document::relationsChanged, this, &NarrativesView::scheduleRebuild);
    connect(m_document, &Document::structureChanged, this, &NarrativesView::structureChanged);
    // Names of parties and actors, question texts: every card and header may show them.
    const auto relabel = [this] {
        updatePickers();
        m_resetPending = true;
        scheduleRebuild();
    };
    connect(m_document, &Document::partyChanged, this, relabel);
    connect(m_document, &Document::actorChanged, this, relabel);
    connect(m_document, &Document::questionChanged, this, relabel);
    connect(m_filter, &Filter::changed, this, &NarrativesView::scheduleRebuild);
    connect(m_selection, &Selection::changed, this, &NarrativesView::selectionChanged);

    connect(m_canvas, &NarrativesCanvas::claimClicked, this, &NarrativesView::claimClicked);
    connect(m_canvas, &NarrativesCanvas::claimActivated, this,
            [this](std::uint32_t claim) { openClaimDialog(claim); });
    connect(m_canvas, &NarrativesCanvas::rowHeaderClicked, this, &NarrativesView::rowHeaderClicked);
    connect(m_canvas, &NarrativesCanvas::emptyClicked, this, [this] {
        m_selecting = true;
        m_selection->clear();
        m_selecting = false;
    });
    connect(m_canvas, &NarrativesCanvas::rowMoveRequested, this, &NarrativesView::moveRow);
    connect(m_canvas, &NarrativesCanvas::rowContextMenuRequested, this,
            &NarrativesView::rowContextMenu);
    connect(m_canvas, &NarrativesCanvas::claimLinkRequested, this, &NarrativesView::linkClaims);
    m_askRelationKind = [this](const QPoint &globalPos) {
        return execRelationKindMenu(this, globalPos, m_linkTitle);
    };
    documentReset();
}

NarrativesView::~NarrativesView() = default;

// --- state ----------------------------------------------------------------------------------

void NarrativesView::documentReset()
{
    const Project &project = m_document->project();
    m_spec.parties = NarrativesTable::defaultParties(project);
    m_spec.questions.clear();
    m_spec.a.clear();
    m_spec.b.clear();
    // Narratives A and B: the first saved view that names both, else the first two parties
    // with claims.
    const nlohmann::json &views = project.views();
    if (views.is_array()) {
        for (const nlohmann::json &view : views) {
            if (!view.is_object() || !view.contains("a") || !view.contains("b"))
                continue;
            std::vector<std::uint32_t> a = partiesOf(project, view["a"]);
            std::vector<std::uint32_t> b = partiesOf(project, view["b"]);
            if (!a.empty() && !b.empty()) {
                m_spec.a = std::move(a);
                m_spec.b = std::move(b);
                break;
            }
        }
    }
    if (m_spec.a.empty() && m_spec.parties.size() >= 2) {
        m_spec.a = {m_spec.parties[0]};
        m_spec.b = {m_spec.parties[1]};
    }
    m_partiesWithClaims = m_spec.parties;
    updatePickers();
    m_resetPending = true;
    m_changedClaims.clear();
    m_canvas->setExpandedQuestionsOfNextTable({});
    rebuild();
    // A new project opens at its top-left.
    m_canvas->verticalScrollBar()->setValue(0);
    m_canvas->horizontalScrollBar()->setValue(0);
}

void NarrativesView::updatePickers()
{
    const Project &project = m_document->project();
    m_columnsPicker->setProject(
        &project,
        {{tr("Parties with claims"), NarrativesTable::defaultParties(project)},
         {tr("All parties"), allParties(project)}});
    const std::vector<PartyListPicker::Preset> presets = narrativePresets(project);
    m_aPicker->setProject(&project, presets);
    m_bPicker->setProject(&project, presets);
}

void NarrativesView::structureChanged(const StructureChange &change)
{
    // Events without claims went or came back: the rows hold claims, none of which moved or
    // reads otherwise (a claim about a removed event is rewritten, which is no such change).
    if (change.onlyEvents())
        return;
    change.remap(ItemKind::Party, m_spec.parties);
    change.remap(ItemKind::Party, m_spec.a);
    change.remap(ItemKind::Party, m_spec.b);
    change.remap(ItemKind::Party, m_partiesWithClaims);
    change.remap(ItemKind::Question, m_spec.questions);
    std::vector<std::uint32_t> expanded = m_canvas->expandedQuestions();
    if (change.remap(ItemKind::Question, expanded))
        m_canvas->setExpandedQuestionsOfNextTable(std::move(expanded));
    if (change.touches(ItemKind::Party) || change.touches(ItemKind::Actor))
        updatePickers();
    followNewParties();
    // Claims edited earlier in this turn are still to be measured again, at their new index.
    change.remap(ItemKind::Claim, m_changedClaims);
    // Measured heights are kept by what rows show, not by index (NarrativesCanvas::rowHash),
    // so they outlive a renumbering; not a change of what cards show of other items (a
    // party's or an actor's name, a rewritten reference). Side by side, rows are known by
    // their first claim's index, which a renumbering moves: measured again, as the view was.
    m_resetPending
        = m_resetPending || !change.onlyEventsAndClaims() || m_spec.mode != NarrativesMode::Matrix;
    // Now, not at the next turn: the rows hold claim indices, which may name other claims.
    rebuild();
}

void NarrativesView::followNewParties()
{
    // A party that starts to have claims (a new claim, a claimant changed) gets a column,
    // unless the user had already chosen the columns it is in; a column the user removed
    // stays removed.
    const std::vector<std::uint32_t> now = NarrativesTable::defaultParties(m_document->project());
    for (const std::uint32_t party : now) {
        const bool known = std::find(m_partiesWithClaims.begin(), m_partiesWithClaims.end(), party)
            != m_partiesWithClaims.end();
        if (!known
            && std::find(m_spec.parties.begin(), m_spec.parties.end(), party)
                == m_spec.parties.end()) {
            m_spec.parties.push_back(party);
            m_resetPending = true;
        }
    }
    m_partiesWithClaims = now;
    if (m_spec.a.empty() && m_spec.b.empty() && m_spec.parties.size() >= 2) {
        m_spec.a = {m_spec.parties[0]};
        m_spec.b = {m_spec.parties[1]};
        m_resetPending = true;
    }
}

void NarrativesView::claimChanged(std::uint32_t claim)
{
    // Only a claim that may have brought its party its first claim on a question needs the
    // pass over every claim; typing in a statement does not.
    const Project &project = m_document->project();
    if (claim < project.claims().size() && project.claims()[claim].question != NoIndex) {
        const std::uint32_t party = project.partyOfClaim(claim);
        if (party != NoIndex
            && std::find(m_partiesWithClaims.begin(), m_partiesWithClaims.end(), party)
                == m_partiesWithClaims.end())
            followNewParties();
    }
    m_changedClaims.push_back(claim);
    scheduleRebuild();
}

void NarrativesView::scheduleRebuild()
{
    m_rebuildTimer->start();
}

void NarrativesView::flush()
{
    if (m_rebuildTimer->isActive()) {
        m_rebuildTimer->stop();
        rebuild();
    }
}

void NarrativesView::rebuild()
{
    m_rebuildTimer->stop();
    const Project &project = m_document->project();
    const bool all = m_resetPending;
    m_resetPending = false;
    m_table.build(project, m_filter, m_spec);
    m_canvas->tableChanged(&project, &m_table, m_changedClaims, all);
    m_changedClaims.clear();
    ++m_rebuildCount;
    updateHighlight();
    updateControls();
}

void NarrativesView::setMode(NarrativesMode mode)
{
    if (mode == m_spec.mode) {
        updateControls();
        return;
    }
    m_spec.mode = mode;
    m_resetPending = true;
    rebuild();
    Q_EMIT modeChanged(mode);
}

void NarrativesView::setParties(const std::vector<std::uint32_t> &parties)
{
    if (parties == m_spec.parties)
        return;
    m_spec.parties = parties;
    m_resetPending = true;
    rebuild();
}

void NarrativesView::setNarratives(const std::vector<std::uint32_t> &a,
                                   const std::vector<std::uint32_t> &b)
{
    const bool changed = a != m_spec.a || b != m_spec.b;
    m_spec.a = a;
    m_spec.b = b;
    if (m_spec.mode != NarrativesMode::SideBySide) {
        setMode(NarrativesMode::SideBySide);
        return;
    }
    if (changed) {
        m_resetPending = true;
        rebuild();
    }
}

void NarrativesView::setOrder(NarrativesOrder order)
{
    if (order == m_spec.order)
        return;
    m_spec.order = order;
    rebuild();
}

bool NarrativesView::isCompact() const
{
    return m_canvas->isCompact();
}

void NarrativesView::setCompact(bool compact)
{
    m_canvas->setCompact(compact);
    updateControls();
}

void NarrativesView::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone valid = zone.isValid() ? zone : QTimeZone::utc();
    if (valid == m_zone)
        return;
    m_zone = valid;
    m_canvas->setTimeZone(valid);
}

// --- question order -------------------------------------------------------------------------

std::vector<std::uint32_t> NarrativesView::questionOrder() const
{
    return NarrativesTable::questionOrder(m_document->project(), m_spec);
}

void NarrativesView::moveRow(int from, int to)
{
    flush();
    std::vector<std::uint32_t> order = questionOrder();
    const int count = int(order.size());
    if (m_spec.mode != NarrativesMode::Matrix || from < 0 || from >= count || to < 0 || to >= count
        || from == to)
        return;
    const std::uint32_t question = order[std::size_t(from)];
    order.erase(order.begin() + from);
    order.insert(order.begin() + to, question);
    m_spec.questions = std::move(order);
    rebuild();
    m_canvas->ensureRowVisible(to);
}

int NarrativesView::currentRow() const
{
    if (m_spec.mode != NarrativesMode::Matrix)
        return -1;
    const ItemRef current = m_selection->current();
    if (current.kind == ItemKind::Question) {
        for (std::size_t r = 0; r < m_table.rowCount(); ++r) {
            if (m_table.rows()[r].question == current.index)
                return int(r);
        }
    } else if (current.kind == ItemKind::Claim && current.isValid()) {
        return m_table.locate(current.index).first;
    }
    return -1;
}

void NarrativesView::moveCurrentRow(int delta)
{
    flush();
    const int row = currentRow();
    if (row >= 0)
        moveRow(row, std::clamp(row + delta, 0, rowCount() - 1));
}

void NarrativesView::resetRowOrder()
{
    if (m_spec.questions.empty())
        return;
    m_spec.questions.clear();
    rebuild();
}

void NarrativesView::rowContextMenu(int row, const QPoint &globalPos)
{
    if (row < 0 || std::size_t(row) >= m_table.rowCount())
        return;
    rowHeaderClicked(row, Qt::NoModifier);
    QMenu menu(this);
    menu.addAction(m_moveUpAction);
    menu.addAction(m_moveDownAction);
    menu.addAction(tr("Move to &Top"), this, [this, row] { moveRow(row, 0); });
    menu.addAction(tr("Move to &Bottom"), this, [this, row] { moveRow(row, rowCount() - 1); });
    menu.addSeparator();
    menu.addAction(m_resetOrderAction);
    if (m_canvas->isCompact()) {
        // The "+N more" chips' action, for the keyboard and for a row without one.
        menu.addSeparator();
        const bool expanded = m_canvas->isRowExpanded(row);
        menu.addAction(expanded ? tr("Show &Fewer Claims") : tr("Show &All Claims"), this,
                       [this, row, expanded] { m_canvas->setRowExpanded(row, !expanded); });
    }
    menu.exec(globalPos);
}

// --- selection ------------------------------------------------------------------------------

void NarrativesView::claimClicked(std::uint32_t claim, Qt::KeyboardModifiers modifiers)
{
    m_selecting = true;
    const ItemRef item {ItemKind::Claim, claim};
    if (modifiers & Qt::ControlModifier)
        m_selection->toggle(item);
    else
        m_selection->select(item);
    m_selecting = false;
}

void NarrativesView::linkClaims(std::uint32_t from, std::uint32_t to, const QPoint &globalPos)
{
    const Project &project = m_document->project();
    if (from >= project.claims().size() || to >= project.claims().size() || from == to)
        return;
    m_linkTitle = tr("How does %1 answer %2?")
                      .arg(m_document->quotedName({ItemKind::Claim, from}),
                           m_document->quotedName({ItemKind::Claim, to}));
    // The question may run an event loop (a menu): the view may be gone when it returns.
    const QPointer<NarrativesView> alive(this);
    const std::optional<RelationKind> kind
        = m_askRelationKind ? m_askRelationKind(globalPos) : std::nullopt;
    if (!alive || !kind)
        return;
    m_document->linkClaims(from, to, *kind);
}

void NarrativesView::rowHeaderClicked(int row, Qt::KeyboardModifiers modifiers)
{
    if (row < 0 || std::size_t(row) >= m_table.rowCount())
        return;
    const std::uint32_t question = m_table.rows()[std::size_t(row)].question;
    if (question == NoIndex)
        return;
    m_selecting = true;
    const ItemRef item {ItemKind::Question, question};
    if (modifiers & Qt::ControlModifier)
        m_selection->toggle(item);
    else
        m_selection->select(item);
    m_selecting = false;
}

void NarrativesView::selectionChanged()
{
    flush();
    updateHighlight();
    if (m_selecting)
        return;
    // Follow a selection made elsewhere: the current claim, else the first selected claim.
    const ItemRef current = m_selection->current();
    std::uint32_t claim = current.kind == ItemKind::Claim ? current.index : NoIndex;
    if (claim == NoIndex) {
        for (const ItemRef &item : m_selection->items()) {
            if (item.kind == ItemKind::Claim) {
                claim = item.index;
                break;
            }
        }
    }
    if (claim != NoIndex && claim < m_document->project().claims().size()) {
        m_canvas->ensureClaimVisible(claim);
    } else if (current.kind == ItemKind::Question) {
        m_canvas->ensureRowVisible(currentRow());
    }
}

void NarrativesView::updateHighlight()
{
    const Project &project = m_document->project();
    NarrativesRenderer::Highlight highlight;
    for (const ItemRef &item : m_selection->items()) {
        if (item.kind == ItemKind::Claim && item.index < project.claims().size()) {
            highlight.selected.push_back(item.index);
            // Its counter-claims, either way.
            for (const Answer &answer : project.counterClaims(item.index))
                highlight.linked.push_back(answer.claim);
            for (const std::uint32_t r : project.relationsFrom(item.index)) {
                if (isCounterClaim(project.relations()[r].kind))
                    highlight.linked.push_back(project.relations()[r].to);
            }
        } else if (item.kind == ItemKind::Question && item.index < project.questions().size()) {
            highlight.question = item.index;
        }
    }
    std::sort(highlight.selected.begin(), highlight.selected.end());
    std::sort(highlight.linked.begin(), highlight.linked.end());
    highlight.linked.erase(std::unique(highlight.linked.begin(), highlight.linked.end()),
                           highlight.linked.end());
    m_canvas->setHighlight(std::move(highlight));
}

// --- for tests ------------------------------------------------------------------------------

QString NarrativesView::columnTitle(int column) const
{
    return m_table.columnTitle(m_document->project(), column);
}

QString NarrativesView::rowTitle(int row) const
{
    return m_table.rowTitle(m_document->project(), row);
}

QString NarrativesView::cellText(int row, int column) const
{
    return m_table.cellText(m_document->project(), row, column, m_zone);
}

QRect NarrativesView::claimRect(std::uint32_t claim) const
{
    return m_canvas->claimRect(claim);
}

void NarrativesView::scrollToClaim(std::uint32_t claim)
{
    flush();
    m_canvas->ensureClaimVisible(claim);
}

QWidget *NarrativesView::viewport() const
{
    return m_canvas->viewport();
}

QString NarrativesView::exportFile(const QString &path) const
{
    const Project &project = m_document->project();
    const auto format = exportFormatFromPath(path);
    if (format == ExportFormat::Html) {
        const QByteArray html = narrativesHtml(project, m_table, m_zone).toUtf8();
        return safeWrite(
            path,
            [&](QIODevice &device, QString *error) {
                if (device.write(html) == html.size())
                    return true;
                *error = device.errorString();
                return false;
            },
            SafeWriteOptions {false});
    }
    const auto pictureFormat = format ? pictureFormatOf(*format) : std::nullopt;
    if (!pictureFormat)
        return tr("The narratives export to PNG, SVG, PDF or HTML: name the file .png, .svg, "
                  ".pdf or .html.");
    return writePicture(picture(), path, *pictureFormat);
}

Picture NarrativesView::picture(double width) const
{
    NarrativesPictureOptions options;
    options.zone = m_zone;
    return narrativesPicture(m_document->project(), m_table, width, options);
}

QDialog *NarrativesView::openClaimDialog(std::uint32_t claim)
{
    const Project &project = m_document->project();
    if (claim >= project.claims().size())
        return nullptr;
    auto *dialog = new ClaimDialog(project, claim, m_zone, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace claimline
