#include "inspectorview.h"

#include "document.h"
#include "selection.h"
#include "visibletext.h"

#include <QComboBox>
#include <QFormLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <array>
#include <string>

namespace claimline {

namespace {

enum TextField { Title, Summary, Location, Tags, Statement, Quote };

constexpr std::array<Status, 5> Statuses {Status::Unverified, Status::Disputed,
                                          Status::Corroborated, Status::Refuted, Status::Retracted};
constexpr std::array<Stance, 5> Stances {Stance::None, Stance::Affirms, Stance::Denies,
                                         Stance::Disputes, Stance::Qualifies};

QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}

// A time field with its reading under it, in one box: a word-wrapped label in a form row of
// its own is laid out one line high by QFormLayout, which clips a long error.
QWidget *timeBox(QWidget *parent, QLineEdit *edit, QLabel *reading)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(edit);
    layout->addWidget(reading);
    return box;
}

QPlainTextEdit *plainEdit(QWidget *parent, int lines)
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    const QFontMetrics metrics(edit->font());
    edit->setFixedHeight(metrics.lineSpacing() * lines + 12);
    return edit;
}

} // namespace

InspectorView::InspectorView(Document *document, Selection *selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_refreshTimer(new QTimer(this))
{
    Q_ASSERT(document && selection);
    setObjectName(QStringLiteral("inspectorView"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_heading = new QLabel(content);
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    // Above the form, not a spanning row of it: Qt 6.4's QFormLayout writes out of bounds
    // computing heightForWidth with a word-wrapped spanning row (valgrind).
    contentLayout->addWidget(m_heading);
    contentLayout->addLayout(m_form);
    contentLayout->addStretch(1);

    m_title = new QLineEdit(content);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_form->addRow(tr("&Title:"), m_title);
    m_summary = plainEdit(content, 4);
    m_summary->setObjectName(QStringLiteral("inspectorSummary"));
    m_form->addRow(tr("S&ummary:"), m_summary);
    m_when = new QLineEdit(content);
    m_when->setObjectName(QStringLiteral("inspectorWhen"));
    m_when->setPlaceholderText(tr("EDTF, e.g. 2025-12-29 or 2025-12-28/2025-12-29?"));
    m_whenReading = new QLabel(content);
    m_whenReading->setTextFormat(Qt::PlainText);
    m_whenReading->setWordWrap(true);
    m_whenBox = timeBox(content, m_when, m_whenReading);
    m_form->addRow(tr("&When:"), m_whenBox);
    static_cast<QLabel *>(m_form->labelForField(m_whenBox))->setBuddy(m_when);
    m_location = new QLineEdit(content);
    m_location->setObjectName(QStringLiteral("inspectorLocation"));
    m_form->addRow(tr("&Location:"), m_location);
    m_tags = new QLineEdit(content);
    m_tags->setObjectName(QStringLiteral("inspectorTags"));
    m_tags->setPlaceholderText(tr("comma-separated"));
    m_form->addRow(tr("T&ags:"), m_tags);

    m_claimant = new QLabel(content);
    m_claimant->setTextFormat(Qt::PlainText);
    m_claimant->setWordWrap(true);
    m_form->addRow(tr("Claimant:"), m_claimant);
    m_statement = plainEdit(content, 4);
    m_statement->setObjectName(QStringLiteral("inspectorStatement"));
    m_form->addRow(tr("&Statement:"), m_statement);
    m_quote = plainEdit(content, 2);
    m_quote->setObjectName(QStringLiteral("inspectorQuote"));
    m_form->addRow(tr("&Quote:"), m_quote);
    m_madeAt = new QLineEdit(content);
    m_madeAt->setObjectName(QStringLiteral("inspectorMadeAt"));
    m_madeAt->setPlaceholderText(tr("EDTF, e.g. 2025-12-29T14:30Z"));
    m_madeAtReading = new QLabel(content);
    m_madeAtReading->setTextFormat(Qt::PlainText);
    m_madeAtReading->setWordWrap(true);
    m_madeAtBox = timeBox(content, m_madeAt, m_madeAtReading);
    m_form->addRow(tr("&Made at:"), m_madeAtBox);
    static_cast<QLabel *>(m_form->labelForField(m_madeAtBox))->setBuddy(m_madeAt);
    m_stance = new QComboBox(content);
    m_stance->setObjectName(QStringLiteral("inspectorStance"));
    for (const Stance stance : Stances)
        m_stance->addItem(stance == Stance::None ? tr("no position") : latin1(nameOf(stance)));
    m_form->addRow(tr("Sta&nce:"), m_stance);

    m_status = new QComboBox(content);
    m_status->setObjectName(QStringLiteral("inspectorStatus"));
    for (const Status status : Statuses)
        m_status->addItem(latin1(nameOf(status)));
    m_form->addRow(tr("Stat&us:"), m_status);
    m_history = new QLabel(content);
    m_history->setObjectName(QStringLiteral("inspectorHistory"));
    m_history->setTextFormat(Qt::PlainText);
    m_history->setWordWrap(true);
    m_history->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(tr("History:"), m_history);

    // Row labels are ours, but every label in the app is plain text: nothing is ever parsed
    // as markup (mnemonics still work).
    for (int row = 0; row < m_form->rowCount(); ++row) {
        if (QLayoutItem *item = m_form->itemAt(row, QFormLayout::LabelRole)) {
            if (auto *label = qobject_cast<QLabel *>(item->widget()))
                label->setTextFormat(Qt::PlainText);
        }
    }

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

    // Typing commits as you go (merged into one undo step per field); times and tags commit
    // when the field is left, since their half-typed states are not what the user means.
    connect(m_title, &QLineEdit::textEdited, this, [this] { commitEventText(Title); });
    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] { commitEventText(Summary); });
    connect(m_location, &QLineEdit::textEdited, this, [this] { commitEventText(Location); });
    connect(m_tags, &QLineEdit::editingFinished, this, [this] { commitEventText(Tags); });
    connect(m_when, &QLineEdit::textEdited, this,
            [this] { checkTime(m_when, m_whenReading, false); });
    connect(m_when, &QLineEdit::editingFinished, this, &InspectorView::commitEventWhen);
    connect(m_statement, &QPlainTextEdit::textChanged, this,
            [this] { commitClaimText(Statement); });
    connect(m_quote, &QPlainTextEdit::textChanged, this, [this] { commitClaimText(Quote); });
    connect(m_madeAt, &QLineEdit::textEdited, this,
            [this] { checkTime(m_madeAt, m_madeAtReading, false); });
    connect(m_madeAt, &QLineEdit::editingFinished, this, &InspectorView::commitClaimMadeAt);
    connect(m_stance, &QComboBox::activated, this, &InspectorView::commitStance);
    connect(m_status, &QComboBox::activated, this, &InspectorView::commitStatus);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &InspectorView::refresh);
    connect(m_selection, &Selection::changed, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::reset, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::eventChanged, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::claimChanged, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::structureChanged, this, &InspectorView::scheduleRefresh);
    refresh();
}

InspectorView::~InspectorView()
{
    // The fields are destroyed after this body, and a plain-text edit announces textChanged
    // and a line edit editingFinished while they go: none of that is an edit.
    for (QObject *field :
         std::initializer_list<QObject *> {m_title, m_summary, m_when, m_location, m_tags,
                                           m_statement, m_quote, m_madeAt, m_stance, m_status})
        disconnect(field, nullptr, this, nullptr);
}

QSize InspectorView::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.averageCharWidth() * 56, metrics.lineSpacing() * 30};
}

void InspectorView::setTimeZone(const QTimeZone &zone)
{
    const QTimeZone valid = zone.isValid() ? zone : QTimeZone::utc();
    if (valid == m_zone)
        return;
    m_zone = valid;
    scheduleRefresh();
}

void InspectorView::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void InspectorView::setFieldText(QLineEdit *edit, const QString &text)
{
    if (edit->text() == text)
        return;
    edit->setText(text);
    if (!edit->hasFocus())
        edit->setCursorPosition(0); // show the start of a long value, not its end
}

void InspectorView::setFieldText(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}

void InspectorView::refresh()
{
    m_refreshTimer->stop();
    const Project &project = m_document->project();
    ItemRef item = m_selection->current();
    if (!item.isValid() && !m_selection->isEmpty())
        item = m_selection->items().back();
    const bool isEvent = item.kind == ItemKind::Event && item.index < project.events().size();
    const bool isClaim = item.kind == ItemKind::Claim && item.index < project.claims().size();
    m_item = isEvent || isClaim ? item : ItemRef {};

    m_updating = true;
    for (QWidget *w :
         {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_summary), m_whenBox,
          static_cast<QWidget *>(m_location), static_cast<QWidget *>(m_tags)})
        m_form->setRowVisible(w, isEvent);
    for (QWidget *w :
         {static_cast<QWidget *>(m_claimant), static_cast<QWidget *>(m_statement),
          static_cast<QWidget *>(m_quote), m_madeAtBox, static_cast<QWidget *>(m_stance)})
        m_form->setRowVisible(w, isClaim);
    m_form->setRowVisible(m_status, isEvent || isClaim);
    m_form->setRowVisible(m_history, isEvent || isClaim);

    const std::size_t count = m_selection->items().size();
    if (isEvent)
        fillEvent(item.index);
    else if (isClaim)
        fillClaim(item.index);
    else if (count == 0)
        m_heading->setText(tr("Select an event or a claim to edit it."));
    else
        m_heading->setText(tr("The inspector edits events and claims."));
    if ((isEvent || isClaim) && count > 1) {
        m_heading->setText(
            m_heading->text() + QLatin1Char('\n')
            + tr("%1 items selected: a status set here applies to all of them.").arg(count));
    }
    m_updating = false;
}

void InspectorView::fillEvent(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Event &event = project.events()[index];
    m_heading->setText(tr("Event %1").arg(visibleText(project.text(event.id))));
    setFieldText(m_title, project.text(event.title));
    setFieldText(m_summary, project.text(event.summary));
    if (!m_when->hasFocus()) {
        setFieldText(m_when, QString::fromStdString(event.when.toEdtf()));
        checkTime(m_when, m_whenReading, false);
    }
    setFieldText(m_location, project.text(event.locationName));
    if (!m_tags->hasFocus()) {
        QStringList tags;
        for (const std::uint32_t word : project.indices(event.tags))
            tags << QString::fromUtf8(project.word(word).data(),
                                      qsizetype(project.word(word).size()));
        setFieldText(m_tags, tags.join(QStringLiteral(", ")));
    }
    m_status->setCurrentIndex(int(event.status));
    showHistory(event.history);
}

void InspectorView::fillClaim(std::uint32_t index)
{
    const Project &project = m_document->project();
    const Claim &claim = project.claims()[index];
    m_heading->setText(tr("Claim %1").arg(visibleText(project.text(claim.id))));
    QString claimant;
    if (claim.claimant.isParty && claim.claimant.index < project.parties().size())
        claimant = project.text(project.parties()[claim.claimant.index].name);
    else if (!claim.claimant.isParty && claim.claimant.index < project.actors().size())
        claimant = project.text(project.actors()[claim.claimant.index].name);
    m_claimant->setText(visibleText(claimant));
    setFieldText(m_statement, project.text(claim.statement));
    setFieldText(m_quote, project.text(claim.quote));
    if (!m_madeAt->hasFocus()) {
        setFieldText(m_madeAt, QString::fromStdString(claim.madeAt.toEdtf()));
        checkTime(m_madeAt, m_madeAtReading, false);
    }
    m_stance->setCurrentIndex(int(claim.stance));
    m_status->setCurrentIndex(int(claim.status));
    showHistory(claim.history);
}

void InspectorView::showHistory(IndexRange history)
{
    const Project &project = m_document->project();
    QStringList lines;
    QString previous;
    for (const StatusChange &change : project.statusChanges(history)) {
        const QString status = latin1(nameOf(change.status));
        QString line = change.at.isNull() ? tr("undated") : change.at.toDisplayString(m_zone);
        line += QStringLiteral(": ")
            + (previous.isEmpty() ? tr("set to %1").arg(status)
                                  : tr("%1 → %2").arg(previous, status));
        const QString reason = project.text(change.reason);
        if (!reason.isEmpty())
            line += QStringLiteral(" — ") + visibleText(reason);
        lines << line;
        previous = status;
    }
    m_history->setText(lines.isEmpty() ? tr("no changes recorded") : lines.join(QLatin1Char('\n')));
}

std::optional<FuzzyTime> InspectorView::checkTime(QLineEdit *edit, QLabel *reading, bool allowEmpty)
{
    const std::string text = edit->text().trimmed().toStdString();
    if (text.empty() && allowEmpty) {
        reading->setText(tr("no time"));
        return FuzzyTime();
    }
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (time) {
        reading->setText(time->toDisplayString(m_zone));
        reading->setPalette(QPalette());
        reading->setForegroundRole(QPalette::PlaceholderText);
    } else {
        reading->setText(tr("Not saved: %1").arg(visibleText(QString::fromStdString(error))));
        // A red that reads on the window colour, light or dark.
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        QPalette warning = palette();
        warning.setColor(QPalette::WindowText,
                         dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
        reading->setPalette(warning);
        reading->setForegroundRole(QPalette::WindowText);
    }
    return time;
}

void InspectorView::commitEventText(int field)
{
    if (m_updating || m_item.kind != ItemKind::Event)
        return;
    Project &project = m_document->mutableProject();
    const std::uint32_t index = m_item.index;
    Event after = project.events()[index];
    const QString name = m_document->quotedName(m_item);
    QString action;
    Document::Field merge = Document::Field::None;
    switch (field) {
    case Title:
        after.title = project.addText(m_title->text());
        action = tr("Change title of %1").arg(name);
        merge = Document::Field::Title;
        break;
    case Summary:
        after.summary = project.addText(m_summary->toPlainText());
        action = tr("Change summary of %1").arg(name);
        merge = Document::Field::Summary;
        break;
    case Location:
        after.locationName = project.addText(m_location->text());
        action = tr("Change location of %1").arg(name);
        merge = Document::Field::Location;
        break;
    case Tags: {
        std::vector<std::uint32_t> words;
        for (const QString &tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QByteArray word = tag.trimmed().toUtf8();
            if (!word.isEmpty())
                words.push_back(project.internWord({word.constData(), std::size_t(word.size())}));
        }
        after.tags = project.addIndices(words);
        action = tr("Change tags of %1").arg(name);
        merge = Document::Field::Tags;
        break;
    }
    default:
        return;
    }
    m_document->editEvent(index, after, action, merge);
}

void InspectorView::commitEventWhen()
{
    if (m_updating || m_item.kind != ItemKind::Event)
        return;
    const std::optional<FuzzyTime> time = checkTime(m_when, m_whenReading, false);
    if (!time)
        return; // shown inline, never written
    Event after = m_document->project().events()[m_item.index];
    after.when = *time;
    m_document->editEvent(m_item.index, after,
                          tr("Change time of %1").arg(m_document->quotedName(m_item)),
                          Document::Field::When);
}

void InspectorView::commitClaimText(int field)
{
    if (m_updating || m_item.kind != ItemKind::Claim)
        return;
    Project &project = m_document->mutableProject();
    const std::uint32_t index = m_item.index;
    Claim after = project.claims()[index];
    const QString name = m_document->quotedName(m_item);
    if (field == Statement) {
        after.statement = project.addText(m_statement->toPlainText());
        m_document->editClaim(index, after, tr("Change statement of %1").arg(name),
                              Document::Field::Statement);
    } else if (field == Quote) {
        after.quote = project.addText(m_quote->toPlainText());
        m_document->editClaim(index, after, tr("Change quote of %1").arg(name),
                              Document::Field::Quote);
    }
}

void InspectorView::commitClaimMadeAt()
{
    if (m_updating || m_item.kind != ItemKind::Claim)
        return;
    const std::optional<FuzzyTime> time = checkTime(m_madeAt, m_madeAtReading, false);
    if (!time)
        return;
    Claim after = m_document->project().claims()[m_item.index];
    after.madeAt = *time;
    m_document->editClaim(m_item.index, after,
                          tr("Change time said of %1").arg(m_document->quotedName(m_item)),
                          Document::Field::MadeAt);
}

void InspectorView::commitStance()
{
    if (m_updating || m_item.kind != ItemKind::Claim)
        return;
    const int index = m_stance->currentIndex();
    if (index < 0 || index >= int(Stances.size()))
        return;
    Claim after = m_document->project().claims()[m_item.index];
    after.stance = Stances[std::size_t(index)];
    m_document->editClaim(
        m_item.index, after,
        tr("Set stance of %1 to %2").arg(m_document->quotedName(m_item), m_stance->currentText()));
}

void InspectorView::commitStatus(int comboIndex)
{
    if (m_updating || !m_item.isValid() || comboIndex < 0 || comboIndex >= int(Statuses.size()))
        return;
    const Status status = Statuses[std::size_t(comboIndex)];
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
