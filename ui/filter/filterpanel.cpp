#include "filter/filterpanel.h"

#include "common/colors.h"
#include "common/partyswatch.h"
#include "document/document.h"
#include "document/filter.h"
#include "document/structurechange.h"
#include "filter/checkgroup.h"
#include "filter/checklist.h"
#include "model/project.h"
#include "text/visibletext.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <set>

namespace claimline {

namespace {

constexpr std::int64_t SecondsPerDay = 86400;
constexpr qint64 UnixEpochJulianDay = 2440588;

// A UTC day and the second its midnight starts at.
std::int64_t midnightOf(const QDate &date)
{
    return (date.toJulianDay() - UnixEpochJulianDay) * SecondsPerDay;
}

QDate dayOf(std::int64_t seconds)
{
    // Floor division: instants before 1970 belong to the day they fall in too.
    const std::int64_t days = seconds >= 0 ? seconds / SecondsPerDay
                                           : -((-seconds + SecondsPerDay - 1) / SecondsPerDay);
    return QDate::fromJulianDay(days + UnixEpochJulianDay);
}

QString plainToolTip(const QString &text)
{
    // Escaped and wrapped as HTML so that file text is shown literally, never as markup.
    return Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

// The stance a box of the stance group stands for: "No stance" (Stance::None) is the last box.
Stance stanceOfBox(int box)
{
    return Stance(std::size_t(box + 1) % StanceNames.size());
}

// Changes of the Filter made while one of these lives reach the views as one change.
class FilterUpdate
{
public:
    explicit FilterUpdate(Filter *filter)
        : m_filter(filter)
    {
        m_filter->beginUpdate();
    }
    ~FilterUpdate() { m_filter->endUpdate(); }
    FilterUpdate(const FilterUpdate &) = delete;
    FilterUpdate &operator=(const FilterUpdate &) = delete;

private:
    Filter *m_filter;
};

} // namespace

FilterPanel::FilterPanel(Document *document, Filter *filter, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_filter(filter)
    , m_pushedText(filter->textQuery())
{
    m_resetAction = new QAction(tr("Reset Filters"), this);
    m_resetAction->setObjectName(QStringLiteral("filterResetAction"));
    m_resetAction->setToolTip(tr("Show everything again: clear every filter criterion"));
    connect(m_resetAction, &QAction::triggered, this, &FilterPanel::reset);

    // The text field and the reset button stay in view; the criteria scroll below them.
    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("filterText"));
    m_text->setPlaceholderText(tr("Search text"));
    m_text->setClearButtonEnabled(true);
    m_text->setToolTip(tr("Titles, summaries, places, statements, quotes and who said them; "
                          "case and accents are ignored"));
    m_text->setText(m_pushedText);
    m_textTimer = new QTimer(this);
    m_textTimer->setSingleShot(true);
    m_textTimer->setInterval(TextDelayMs);
    connect(m_textTimer, &QTimer::timeout, this, &FilterPanel::pushText);
    connect(m_text, &QLineEdit::textEdited, m_textTimer, qOverload<>(&QTimer::start));
    connect(m_text, &QLineEdit::returnPressed, this, &FilterPanel::pushText);

    m_resetButton = new QPushButton(tr("Reset"), this);
    m_resetButton->setObjectName(QStringLiteral("filterReset"));
    m_resetButton->setToolTip(m_resetAction->toolTip());
    connect(m_resetButton, &QPushButton::clicked, m_resetAction, &QAction::trigger);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 8, 8, 6);
    top->setSpacing(6);
    top->addWidget(m_text, 1);
    top->addWidget(m_resetButton);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("filterScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(createContent());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(m_document, &Document::reset, this, &FilterPanel::rebuildLists);
    // Parties and questions are listed by name; tags and reliabilities come from items.
    connect(m_document, &Document::structureChanged, this, &FilterPanel::followStructure);
    // An edit may change an event's tags or an item's time: counted again once per turn of
    // the event loop, however many items an edit changed.
    m_factsTimer = new QTimer(this);
    m_factsTimer->setSingleShot(true);
    m_factsTimer->setInterval(0);
    connect(m_factsTimer, &QTimer::timeout, this, [this] {
        m_facts.count(m_document->project());
        showFacts();
    });
    connect(m_document, &Document::eventChanged, m_factsTimer, qOverload<>(&QTimer::start));
    connect(m_document, &Document::claimChanged, m_factsTimer, qOverload<>(&QTimer::start));
    connect(m_document, &Document::partyChanged, this, &FilterPanel::rebuildLists);
    connect(m_document, &Document::questionChanged, this, &FilterPanel::rebuildLists);
    connect(m_filter, &Filter::changed, this, &FilterPanel::syncFromFilter);
    rebuildLists();
    updateOutlineContrast();
}

FilterPanel::~FilterPanel() = default;

QSize FilterPanel::sizeHint() const
{
    return {280, 640};
}

void FilterPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        updateOutlineContrast();
        // The party swatches follow a theme change (rows are the parties in file order).
        const Project &project = m_document->project();
        for (std::uint32_t i = 0; i < project.parties().size() && int(i) < m_parties->count(); ++i)
            m_parties->item(int(i))->setIcon(partySwatch(project, i, palette()));
    }
}

void FilterPanel::rebuildLists()
{
    const Project &project = m_document->project();
    m_facts.count(project);
    const QSignalBlocker partiesBlocker(m_parties);
    const QSignalBlocker questionsBlocker(m_questions);

    m_parties->clear();
    for (std::uint32_t i = 0; i < project.parties().size(); ++i) {
        const Party &party = project.parties()[i];
        const QString name = visibleText(project.text(party.name));
        QListWidgetItem *item = m_parties->addCheckItem(name, i);
        item->setIcon(partySwatch(project, i, palette()));
        QString tip = name;
        if (!party.shortName.isEmpty())
            tip += QStringLiteral(" (") + visibleText(project.text(party.shortName)) + u')';
        item->setToolTip(plainToolTip(tip));
    }

    m_questions->clear();
    for (std::uint32_t i = 0; i < project.questions().size(); ++i) {
        const QString text = visibleText(project.text(project.questions()[i].text));
        QListWidgetItem *item = m_questions->addCheckItem(text, i);
        item->setToolTip(plainToolTip(text));
    }
    showFacts();
}

void FilterPanel::followStructure(const StructureChange &change)
{
    // Events and claims that went or came back leave the parties and questions as they are;
    // the tag counts and the date range follow the items that moved (FilterFacts).
    if (!m_facts.follow(m_document->project(), change)) {
        rebuildLists();
        return;
    }
    showFacts();
}

void FilterPanel::showFacts()
{
    const Project &project = m_document->project();
    const QSignalBlocker tagsBlocker(m_tags);
    // Tags are the words events carry as tags (kinds are words too, but not tags), sorted
    // without regard to case, each with how many events carry it.
    const std::span<const int> counts = m_facts.tagCounts();
    std::vector<std::pair<QString, std::uint32_t>> tags;
    for (std::uint32_t tag = 0; tag < counts.size(); ++tag) {
        if (counts[tag] > 0)
            tags.emplace_back(visibleText(QString::fromUtf8(project.word(tag))), tag);
    }
    std::sort(tags.begin(), tags.end(), [](const auto &a, const auto &b) {
        const int order = a.first.compare(b.first, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.first < b.first;
    });
    m_tags->clear();
    for (const auto &[text, tag] : tags) {
        QListWidgetItem *item = m_tags->addCheckItem(text, tag);
        const int count = counts[tag];
        item->setToolTip(plainToolTip(count == 1 ? tr("%1: 1 item").arg(text)
                                                 : tr("%1: %2 items").arg(text).arg(count)));
    }

    // The date edits start on the project's first and last day, where a limit is most often
    // set.
    {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        const bool any = m_facts.first() < m_facts.last();
        const QDate today = QDate::currentDate();
        m_from->setDate(any ? dayOf(m_facts.first()) : today);
        m_to->setDate(any ? dayOf(m_facts.last() - 1) : today);
    }

    for (QListWidget *list : {m_parties, m_questions, m_tags})
        list->updateGeometry();
    syncFromFilter();
}

void FilterPanel::syncFromFilter()
{
    m_syncing = true;
    std::set<std::uint32_t> shownParties;
    for (std::uint32_t party = 0; party < m_document->project().parties().size(); ++party) {
        if (m_filter->hiddenParties().count(party) == 0)
            shownParties.insert(party);
    }
    m_parties->setCheckedValues(shownParties);
    for (int s = 0; s < m_statuses->count(); ++s)
        m_statuses->setChecked(s, m_filter->isStatusShown(Status(s)));
    for (int box = 0; box < m_stances->count(); ++box)
        m_stances->setChecked(box, m_filter->isStanceShown(stanceOfBox(box)));
    m_questions->setCheckedValues(m_filter->questions());
    m_tags->setCheckedValues(m_filter->tags());

    const auto from = m_filter->dateFrom();
    const auto to = m_filter->dateTo();
    m_fromAny->setChecked(!from);
    m_from->setEnabled(from.has_value());
    if (from)
        m_from->setDate(dayOf(*from));
    m_toAny->setChecked(!to);
    m_to->setEnabled(to.has_value());
    // The end is exclusive; the field shows the last day included.
    if (to)
        m_to->setDate(dayOf(*to - 1));

    m_reliability->setCurrentIndex(
        std::max(0, m_reliability->findData(int(m_filter->minimumReliability()))));

    // A query the panel did not give was set from elsewhere: show it, and drop what was
    // being typed.
    if (m_filter->textQuery() != m_pushedText) {
        m_textTimer->stop();
        m_pushedText = m_filter->textQuery();
        if (m_text->text() != m_pushedText)
            m_text->setText(m_pushedText);
    }

    const bool canReset
        = m_filter->isActive() || !m_filter->textQuery().isEmpty() || !m_text->text().isEmpty();
    m_resetAction->setEnabled(canReset);
    m_resetButton->setEnabled(canReset);
    m_syncing = false;
}

// The sections' changes: one row or many at once ("only", All, None), one Filter change.

void FilterPanel::partiesChanged()
{
    if (m_syncing)
        return;
    const std::set<std::uint32_t> shown = m_parties->checkedValues();
    const FilterUpdate update(m_filter);
    for (int row = 0; row < m_parties->count(); ++row) {
        const std::uint32_t party = m_parties->valueOf(m_parties->item(row));
        m_filter->setPartyHidden(party, shown.count(party) == 0);
    }
}

void FilterPanel::statusesChanged()
{
    if (m_syncing)
        return;
    const FilterUpdate update(m_filter);
    for (int s = 0; s < m_statuses->count(); ++s)
        m_filter->setStatusShown(Status(s), m_statuses->isChecked(s));
}

void FilterPanel::stancesChanged()
{
    if (m_syncing)
        return;
    const FilterUpdate update(m_filter);
    for (int box = 0; box < m_stances->count(); ++box)
        m_filter->setStanceShown(stanceOfBox(box), m_stances->isChecked(box));
}

void FilterPanel::tagsChanged()
{
    if (!m_syncing)
        m_filter->setTags(m_tags->checkedValues());
}

void FilterPanel::questionsChanged()
{
    if (!m_syncing)
        m_filter->setQuestions(m_questions->checkedValues());
}

void FilterPanel::datesChanged()
{
    if (m_syncing)
        return;
    m_from->setEnabled(!m_fromAny->isChecked());
    m_to->setEnabled(!m_toAny->isChecked());
    std::optional<std::int64_t> from;
    std::optional<std::int64_t> to;
    if (!m_fromAny->isChecked())
        from = midnightOf(m_from->date());
    if (!m_toAny->isChecked())
        to = midnightOf(m_to->date().addDays(1)); // through the whole of the last day
    m_filter->setDateRange(from, to);
}

void FilterPanel::reliabilityChanged(int index)
{
    if (!m_syncing)
        m_filter->setMinimumReliability(char(m_reliability->itemData(index).toInt()));
}

void FilterPanel::pushText()
{
    m_textTimer->stop();
    m_pushedText = m_text->text();
    m_filter->setTextQuery(m_pushedText);
    // Typing into an otherwise inactive filter still enables Reset.
    syncFromFilter();
}

void FilterPanel::reset()
{
    m_textTimer->stop();
    m_pushedText.clear();
    m_text->clear();
    m_filter->clear();
    syncFromFilter();
}

} // namespace claimline
