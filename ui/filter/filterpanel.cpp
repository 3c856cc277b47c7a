#include "filter/filterpanel.h"

#include "document/document.h"
#include "document/filter.h"
#include "model/project.h"
#include "present/labels.h"
#include "text/visibletext.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <map>
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

QString capitalized(std::string_view name)
{
    QString text = QString::fromUtf8(name);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// Clicking anywhere on a row toggles its check box, not only on the box itself: the lists
// have no selection that a click could make instead. Keys (Space) work as usual.
class RowToggleDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override
    {
        const Qt::ItemFlags flags = index.flags();
        if (!(flags & Qt::ItemIsUserCheckable) || !(flags & Qt::ItemIsEnabled))
            return false;
        if (event->type() == QEvent::MouseButtonRelease) {
            const auto *mouse = static_cast<QMouseEvent *>(event);
            if (mouse->button() != Qt::LeftButton
                || !option.rect.contains(mouse->position().toPoint()))
                return false;
            const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
            return model->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
        }
        // The second click of a double-click toggles again on its release; the double-click
        // itself must not.
        if (event->type() == QEvent::MouseButtonDblClick)
            return true;
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    }

    // The style sizes a wrapped row as if its text had the whole width, but the check box
    // takes some of it: measure the text in the width it is really drawn in, so that a long
    // question gets all the lines it needs.
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        QStyleOptionViewItem item = option;
        initStyleOption(&item, index);
        if (!(item.features & QStyleOptionViewItem::WrapText) || item.rect.width() <= 0
            || item.text.isEmpty())
            return size;
        const QWidget *widget = item.widget;
        const QStyle *style = widget ? widget->style() : QApplication::style();
        item.rect.setHeight(size.height());
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &item, widget);
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
        const int width = std::max(1, textRect.width() - 2 * margin);
        const QRect needed = item.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20),
                                                           Qt::TextWordWrap, item.text);
        size.setHeight(std::max(size.height(), needed.height() + 4));
        return size;
    }
};

// A checkable list as tall as its rows (up to maxRows, then it scrolls), so that it sits in
// the panel's own scroll area like a group of check boxes but costs one widget however many
// parties or tags there are.
class CheckList final : public QListWidget
{
public:
    CheckList(int maxRows, QWidget *parent)
        : QListWidget(parent)
        , m_maxRows(maxRows)
    {
        setSelectionMode(QAbstractItemView::NoSelection);
        setFocusPolicy(Qt::StrongFocus);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        setResizeMode(QListView::Adjust);
        setItemDelegate(new RowToggleDelegate(this));
    }

    // As tall as the rows laid out at the current width (wrapped rows differ in height).
    QSize sizeHint() const override
    {
        int height = fontMetrics().height() + 6; // empty: one blank row
        const int rows = std::min(count(), m_maxRows);
        if (rows > 0)
            height = rectForIndex(model()->index(rows - 1, 0)).bottom() + 1 + spacing();
        if (count() > m_maxRows) // show that it scrolls: half of the next row peeks out
            height += rectForIndex(model()->index(m_maxRows, 0)).height() / 2;
        return {120, height + 2 * frameWidth()};
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    // Wrapped rows change height with the width: ask the layout again.
    void resizeEvent(QResizeEvent *event) override
    {
        QListWidget::resizeEvent(event);
        if (event->oldSize().width() != event->size().width()) {
            doItemsLayout();
            updateGeometry();
        }
    }

private:
    int m_maxRows;
};

QIcon swatch(const QColor &color, const QColor &border)
{
    const qreal ratio = 2.0; // sharp on high-density screens; scaled down elsewhere
    QPixmap pixmap(QSize(12, 12) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(border, 1.0));
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(0.5, 0.5, 11, 11), 2.5, 2.5);
    return QIcon(pixmap);
}

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // Smaller rather than greyer: text keeps the palette's colour in light and dark mode.
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

std::set<std::uint32_t> checkedIndices(const QListWidget *list)
{
    std::set<std::uint32_t> indices;
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem *item = list->item(row);
        if (item->checkState() == Qt::Checked)
            indices.insert(item->data(Qt::UserRole).toUInt());
    }
    return indices;
}

void setChecked(QListWidget *list, const std::set<std::uint32_t> &indices)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        const bool on = indices.count(item->data(Qt::UserRole).toUInt()) > 0;
        const Qt::CheckState state = on ? Qt::Checked : Qt::Unchecked;
        if (item->checkState() != state)
            item->setCheckState(state);
    }
}

QListWidgetItem *checkItem(const QString &text, std::uint32_t index, QListWidget *list)
{
    auto *item = new QListWidgetItem(text, list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    item->setData(Qt::UserRole, index);
    return item;
}

// A section's title, with air above it unless it is the first.
void addSectionTitle(QVBoxLayout *layout, QWidget *content, const QString &title)
{
    if (layout->count() > 0)
        layout->addSpacing(10);
    layout->addWidget(sectionTitle(title, content));
}

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
    connect(m_document, &Document::structureChanged, this, &FilterPanel::rebuildLists);
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
    if (event->type() == QEvent::PaletteChange)
        updateOutlineContrast();
}

// Qt 6.4's Fusion style outlines check boxes and list frames with the window colour made
// darker, which vanishes on a dark palette: an unchecked box would not show at all. On a dark
// palette the check boxes and lists get a window colour that darkens to a visible outline
// (between the window and its text); they fill no background with it, so nothing else
// changes. Only that role is set, so the rest still follows the panel's palette.
void FilterPanel::updateOutlineContrast()
{
    const QColor window = palette().color(QPalette::Window);
    QColor outlineWindow = window;
    if (window.lightness() < 128) {
        const QColor text = palette().color(QPalette::WindowText);
        const auto mix = [](int a, int b) {
            return a + (b - a) * 2 / 5;
        };
        const QColor outline(mix(window.red(), text.red()), mix(window.green(), text.green()),
                             mix(window.blue(), text.blue()));
        outlineWindow = outline.lighter(140);
    }
    QList<QWidget *> widgets;
    for (QCheckBox *box : findChildren<QCheckBox *>())
        widgets << box;
    widgets << m_parties << m_questions << m_tags;
    for (QWidget *widget : std::as_const(widgets)) {
        if (widget->palette().color(QPalette::Window) == outlineWindow)
            continue;
        QPalette only;
        only.setColor(QPalette::Window, outlineWindow);
        widget->setPalette(only);
    }
}

QWidget *FilterPanel::createContent()
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("filterContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 4, 8, 8);
    layout->setSpacing(4);
    const auto addSection = [layout, content](const QString &title) {
        addSectionTitle(layout, content, title);
    };

    // Parties.
    addSection(tr("Parties"));
    m_parties = new CheckList(12, content);
    m_parties->setObjectName(QStringLiteral("filterParties"));
    m_parties->setIconSize(QSize(12, 12));
    m_parties->setToolTip(tr("Unchecked parties are hidden; an event stays while any of its "
                             "parties is shown"));
    connect(m_parties, &QListWidget::itemChanged, this, &FilterPanel::partyChanged);
    layout->addWidget(m_parties);

    addStatusAndStanceSections(layout, content);

    // Questions.
    addSection(tr("Questions"));
    layout->addWidget(note(tr("Claims on any checked question; none checked shows all."), content));
    m_questions = new CheckList(8, content);
    m_questions->setSpacing(2); // wrapped rows need air between them
    m_questions->setObjectName(QStringLiteral("filterQuestions"));
    m_questions->setWordWrap(true);
    m_questions->setTextElideMode(Qt::ElideRight);
    connect(m_questions, &QListWidget::itemChanged, this, &FilterPanel::questionsChanged);
    layout->addWidget(m_questions);

    // Tags.
    addSection(tr("Tags"));
    layout->addWidget(note(tr("Events with every checked tag, and claims about them."), content));
    m_tags = new CheckList(10, content);
    m_tags->setObjectName(QStringLiteral("filterTags"));
    connect(m_tags, &QListWidget::itemChanged, this, &FilterPanel::tagsChanged);
    layout->addWidget(m_tags);

    addDateSection(layout, content);

    addReliabilitySection(layout, content);

    layout->addStretch(1);
    return content;
}

void FilterPanel::addStatusAndStanceSections(QVBoxLayout *layout, QWidget *content)
{
    // Statuses and stances: fixed sets, two columns of check boxes.
    const auto addBoxes
        = [this, layout, content](std::vector<QCheckBox *> &boxes, const QStringList &labels,
                                  const QStringList &names, auto setShown) {
              auto *grid = new QGridLayout;
              grid->setContentsMargins(0, 0, 0, 0);
              grid->setHorizontalSpacing(12);
              grid->setVerticalSpacing(2);
              for (qsizetype i = 0; i < labels.size(); ++i) {
                  auto *box = new QCheckBox(labels[i], content);
                  box->setObjectName(names[i]);
                  box->setChecked(true);
                  connect(box, &QCheckBox::toggled, this, [this, i, setShown](bool on) {
                      if (!m_syncing)
                          setShown(std::size_t(i), on);
                  });
                  grid->addWidget(box, int(i / 2), int(i % 2));
                  boxes.push_back(box);
              }
              grid->setColumnStretch(0, 1);
              grid->setColumnStretch(1, 1);
              layout->addLayout(grid);
          };

    addSectionTitle(layout, content, tr("Status"));
    QStringList labels;
    QStringList names;
    for (const std::string_view name : StatusNames) {
        labels << capitalized(name);
        names << QStringLiteral("filterStatus_") + QString::fromUtf8(name);
    }
    addBoxes(m_statuses, labels, names,
             [this](std::size_t s, bool on) { m_filter->setStatusShown(Status(s), on); });

    addSectionTitle(layout, content, tr("Stance of claims"));
    labels.clear();
    names.clear();
    // Stance::None is listed last: "No stance" is the odd one out.
    for (std::size_t s = 1; s <= StanceNames.size(); ++s) {
        const std::size_t stance = s % StanceNames.size();
        labels << (stance == 0 ? tr("No stance") : capitalized(StanceNames[stance]));
        names << QStringLiteral("filterStance_")
                + (stance == 0 ? QStringLiteral("none") : QString::fromUtf8(StanceNames[stance]));
    }
    std::vector<QCheckBox *> stances;
    addBoxes(stances, labels, names, [this](std::size_t i, bool on) {
        m_filter->setStanceShown(Stance((i + 1) % StanceNames.size()), on);
    });
    // Index the boxes by stance value.
    m_stances.resize(StanceNames.size());
    for (std::size_t i = 0; i < stances.size(); ++i)
        m_stances[(i + 1) % StanceNames.size()] = stances[i];
}

void FilterPanel::addDateSection(QVBoxLayout *layout, QWidget *content)
{
    // Dates.
    addSectionTitle(layout, content, tr("Dates (UTC)"));
    auto *dates = new QGridLayout;
    dates->setContentsMargins(0, 0, 0, 0);
    dates->setHorizontalSpacing(6);
    dates->setVerticalSpacing(4);
    const auto addDate = [this, dates, content](int row, const QString &label, QDateEdit *&edit,
                                                QCheckBox *&any, const QString &name) {
        edit = new QDateEdit(content);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("d MMM yyyy"));
        edit->setEnabled(false);
        any = new QCheckBox(tr("Any"), content);
        any->setObjectName(name + QStringLiteral("Any"));
        any->setChecked(true);
        auto *title = new QLabel(label, content);
        title->setTextFormat(Qt::PlainText);
        title->setBuddy(edit);
        dates->addWidget(title, row, 0);
        dates->addWidget(edit, row, 1);
        dates->addWidget(any, row, 2);
        connect(edit, &QDateEdit::dateChanged, this, &FilterPanel::datesChanged);
        connect(any, &QCheckBox::toggled, this, &FilterPanel::datesChanged);
    };
    addDate(0, tr("From"), m_from, m_fromAny, QStringLiteral("filterFrom"));
    addDate(1, tr("To"), m_to, m_toAny, QStringLiteral("filterTo"));
    m_from->setToolTip(tr("Items that reach into this day or later"));
    m_to->setToolTip(tr("Items that begin on this day or earlier"));
    dates->setColumnStretch(1, 1);
    layout->addLayout(dates);
}

void FilterPanel::addReliabilitySection(QVBoxLayout *layout, QWidget *content)
{
    // Source reliability.
    addSectionTitle(layout, content, tr("Source reliability"));
    m_reliability = new QComboBox(content);
    m_reliability->setObjectName(QStringLiteral("filterReliability"));
    m_reliability->addItem(tr("Any"), 0);
    for (int i = 0; i < 6; ++i) {
        const QChar letter(u'A' + i);
        m_reliability->addItem(i == 0 ? tr("A only") : tr("%1 or better").arg(letter),
                               int(letter.unicode()));
        m_reliability->setItemData(
            i + 1, tr("%1: %2").arg(QString(letter), reliabilityMeaning(char('A' + i))),
            Qt::ToolTipRole);
    }
    m_reliability->setToolTip(tr("Items citing at least one source rated this well (Admiralty "
                                 "scale, A best); items without a rated source are hidden"));
    connect(m_reliability, &QComboBox::currentIndexChanged, this, &FilterPanel::reliabilityChanged);
    layout->addWidget(m_reliability);
}

void FilterPanel::rebuildLists()
{
    const Project &project = m_document->project();
    const QSignalBlocker partiesBlocker(m_parties);
    const QSignalBlocker tagsBlocker(m_tags);
    const QSignalBlocker questionsBlocker(m_questions);

    m_parties->clear();
    for (std::uint32_t i = 0; i < project.parties().size(); ++i) {
        const Party &party = project.parties()[i];
        const QString name = visibleText(project.text(party.name));
        QListWidgetItem *item = checkItem(name, i, m_parties);
        // A party without a colour of its own gets a neutral grey swatch.
        const QColor color = party.hasColor ? QColor::fromRgb(QRgb(party.color)) : QColor(Qt::gray);
        item->setIcon(swatch(color, color.darker(140)));
        QString tip = name;
        if (!party.shortName.isEmpty())
            tip += QStringLiteral(" (") + visibleText(project.text(party.shortName)) + u')';
        item->setToolTip(plainToolTip(tip));
    }

    m_questions->clear();
    for (std::uint32_t i = 0; i < project.questions().size(); ++i) {
        const QString text = visibleText(project.text(project.questions()[i].text));
        QListWidgetItem *item = checkItem(text, i, m_questions);
        item->setToolTip(plainToolTip(text));
    }

    // Tags are the words events carry as tags (kinds are words too, but not tags), sorted
    // without regard to case, each with how many events carry it.
    std::map<std::uint32_t, int> counts;
    for (const Event &event : project.events()) {
        for (const std::uint32_t tag : project.indices(event.tags))
            ++counts[tag];
    }
    std::vector<std::pair<QString, std::uint32_t>> tags;
    tags.reserve(counts.size());
    for (const auto &[tag, count] : counts)
        tags.emplace_back(visibleText(QString::fromUtf8(project.word(tag))), tag);
    std::sort(tags.begin(), tags.end(), [](const auto &a, const auto &b) {
        const int order = a.first.compare(b.first, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a.first < b.first;
    });
    m_tags->clear();
    for (const auto &[text, tag] : tags) {
        QListWidgetItem *item = checkItem(text, tag, m_tags);
        const int count = counts[tag];
        item->setToolTip(plainToolTip(count == 1 ? tr("%1: 1 event").arg(text)
                                                 : tr("%1: %2 events").arg(text).arg(count)));
    }

    // The date edits start on the project's first and last day, where a limit is most often
    // set.
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    const auto extend = [&first, &last](const FuzzyTime &time) {
        if (time.isNull())
            return;
        if (!time.isOpenStart())
            first = std::min(first, time.start());
        if (!time.isOpenEnd())
            last = std::max(last, time.end() - 1);
    };
    for (const Event &event : project.events())
        extend(event.when);
    for (const Claim &claim : project.claims())
        extend(claim.madeAt);
    {
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        const QDate today = QDate::currentDate();
        m_from->setDate(first <= last ? dayOf(first) : today);
        m_to->setDate(first <= last ? dayOf(last) : today);
    }

    for (QListWidget *list : {m_parties, m_questions, m_tags})
        list->updateGeometry();
    syncFromFilter();
}

void FilterPanel::syncFromFilter()
{
    m_syncing = true;
    for (int row = 0; row < m_parties->count(); ++row) {
        QListWidgetItem *item = m_parties->item(row);
        const bool hidden = m_filter->hiddenParties().count(item->data(Qt::UserRole).toUInt()) > 0;
        const Qt::CheckState state = hidden ? Qt::Unchecked : Qt::Checked;
        if (item->checkState() != state)
            item->setCheckState(state);
    }
    for (std::size_t s = 0; s < m_statuses.size(); ++s)
        m_statuses[s]->setChecked(m_filter->isStatusShown(Status(s)));
    for (std::size_t s = 0; s < m_stances.size(); ++s)
        m_stances[s]->setChecked(m_filter->isStanceShown(Stance(s)));
    setChecked(m_questions, m_filter->questions());
    setChecked(m_tags, m_filter->tags());

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

void FilterPanel::partyChanged(QListWidgetItem *item)
{
    if (m_syncing)
        return;
    m_filter->setPartyHidden(item->data(Qt::UserRole).toUInt(), item->checkState() != Qt::Checked);
}

void FilterPanel::tagsChanged()
{
    if (!m_syncing)
        m_filter->setTags(checkedIndices(m_tags));
}

void FilterPanel::questionsChanged()
{
    if (!m_syncing)
        m_filter->setQuestions(checkedIndices(m_questions));
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
