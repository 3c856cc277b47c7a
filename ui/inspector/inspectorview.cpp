#include "inspectorview.h"

#include "citationeditor.h"
#include "document.h"
#include "eventpicker.h"
#include "inspectorfields.h"
#include "selection.h"
#include "visibletext.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <string>

namespace claimline {

namespace {

// A field with its reading or problem under it, in one box: a word-wrapped label in a form row
// of its own is laid out one line high by QFormLayout, which clips a long error.
QWidget *timeBox(QWidget *parent, QWidget *edit, QLabel *reading)
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

using namespace inspector;

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

    const auto named = [](auto *widget, const char *name) {
        widget->setObjectName(QLatin1String(name));
        return widget;
    };
    const auto lineEdit = [&](const char *name) {
        return named(new QLineEdit(content), name);
    };
    const auto combo = [&](const char *name) {
        return named(new QComboBox(content), name);
    };
    const auto noteLabel = [&](const char *name) {
        auto *label = named(new QLabel(content), name);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        return label;
    };
    // A row of the form for some kinds of item. The rows are in the form only while an item
    // of their kind is shown (showRows()); `buddy` gets the label's mnemonic when the field
    // is a box (a field with its note under it).
    const auto addRow = [this, content](int kinds, const QString &text, QWidget *field,
                                        QWidget *buddy = nullptr) {
        auto *label = new QLabel(text, content);
        label->setTextFormat(Qt::PlainText); // as every label in the app (mnemonics still work)
        label->setBuddy(buddy ? buddy : field);
        label->hide();
        field->hide();
        for (std::size_t kind = 0; kind < m_rows.size(); ++kind) {
            if (kinds & (1 << kind))
                m_rows[kind].push_back({label, field});
        }
    };
    constexpr int KindEv = 1 << int(ItemKind::Event), KindCl = 1 << int(ItemKind::Claim),
                  KindPa = 1 << int(ItemKind::Party), KindAc = 1 << int(ItemKind::Actor),
                  KindSo = 1 << int(ItemKind::Source), KindQu = 1 << int(ItemKind::Question);

    // --- event ---
    m_title = lineEdit("inspectorTitle");
    addRow(KindEv, tr("&Title:"), m_title);
    m_summary = named(plainEdit(content, 4), "inspectorSummary");
    addRow(KindEv, tr("Su&mmary:"), m_summary);
    m_when = lineEdit("inspectorWhen");
    m_when->setPlaceholderText(tr("EDTF, e.g. 2025-12-29 or 2025-12-28/2025-12-29?"));
    m_whenReading = noteLabel("inspectorWhenReading");
    m_whenBox = timeBox(content, m_when, m_whenReading);
    addRow(KindEv, tr("&When:"), m_whenBox, m_when);
    m_location = lineEdit("inspectorLocation");
    addRow(KindEv, tr("&Location:"), m_location);
    m_parties = named(new QListWidget(content), "inspectorParties");
    m_parties->setUniformItemSizes(true);
    // The window colour behind the check boxes, as behind the actor's: on the base colour
    // a dark palette's unticked box has no visible edge.
    m_parties->viewport()->setBackgroundRole(QPalette::Window);
    m_parties->setFixedHeight(QFontMetrics(m_parties->font()).lineSpacing() * 5 + 8);
    m_partiesNote = noteLabel("inspectorPartiesNote");
    m_partiesNote->hide();
    m_partiesBox = timeBox(content, m_parties, m_partiesNote);
    addRow(KindEv, tr("&Parties:"), m_partiesBox, m_parties);
    m_kind = combo("inspectorKind");
    m_kind->setEditable(true);
    m_kind->setInsertPolicy(QComboBox::NoInsert);
    m_kind->lineEdit()->setPlaceholderText(tr("none"));
    addRow(KindEv, tr("&Kind:"), m_kind);
    m_tags = lineEdit("inspectorTags");
    m_tags->setPlaceholderText(tr("comma-separated"));
    addRow(KindEv, tr("T&ags:"), m_tags);

    // --- claim ---
    m_claimant = combo("inspectorClaimant");
    m_claimant->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    addRow(KindCl, tr("&Claimant:"), m_claimant);
    m_madeAt = lineEdit("inspectorMadeAt");
    m_madeAt->setPlaceholderText(tr("EDTF, e.g. 2025-12-29T14:30Z"));
    m_madeAtReading = noteLabel("inspectorMadeAtReading");
    m_madeAtBox = timeBox(content, m_madeAt, m_madeAtReading);
    addRow(KindCl, tr("&Made at:"), m_madeAtBox, m_madeAt);
    m_about = named(new EventPicker(m_document, content), "inspectorAbout");
    addRow(KindCl, tr("A&bout:"), m_about);
    m_question = combo("inspectorQuestion");
    m_question->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    addRow(KindCl, tr("&Question:"), m_question);
    m_stance = combo("inspectorStance");
    for (const Stance stance : Stances)
        m_stance->addItem(stance == Stance::None ? tr("no position") : latin1(nameOf(stance)));
    addRow(KindCl, tr("Sta&nce:"), m_stance);
    m_statement = named(plainEdit(content, 4), "inspectorStatement");
    addRow(KindCl, tr("&Statement:"), m_statement);
    m_quote = named(plainEdit(content, 2), "inspectorQuote");
    addRow(KindCl, tr("Quo&te:"), m_quote);

    // --- both ---
    m_citations = named(new CitationEditor(m_document, content), "inspectorCitationEditor");
    addRow(KindEv | KindCl, tr("Sou&rces:"), m_citations);

    m_credibility = combo("inspectorCredibility");
    for (int grade = 0; grade <= MaxCredibility; ++grade)
        m_credibility->addItem(credibilityLabel(grade));
    addRow(KindCl, tr("Cre&dibility:"), m_credibility);
    m_status = combo("inspectorStatus");
    for (const Status status : Statuses)
        m_status->addItem(latin1(nameOf(status)));
    addRow(KindEv | KindCl, tr("Stat&us:"), m_status);
    m_history = noteLabel("inspectorHistory");
    m_history->setTextInteractionFlags(Qt::TextSelectableByMouse);
    addRow(KindEv | KindCl, tr("History:"), m_history);

    // --- party and actor ---
    m_name = lineEdit("inspectorName");
    addRow(KindPa | KindAc, tr("&Name:"), m_name);
    m_shortName = lineEdit("inspectorShortName");
    m_shortName->setPlaceholderText(tr("e.g. RU"));
    addRow(KindPa, tr("S&hort name:"), m_shortName);
    m_color = named(new ColorButton(content), "inspectorColor");
    auto *noColor = named(new QPushButton(tr("No colour"), content), "inspectorNoColor");
    m_colorBox = new QWidget(content);
    auto *colorLayout = new QHBoxLayout(m_colorBox);
    colorLayout->setContentsMargins(0, 0, 0, 0);
    colorLayout->addWidget(m_color);
    colorLayout->addWidget(noColor);
    colorLayout->addStretch(1);
    addRow(KindPa, tr("C&olour:"), m_colorBox, m_color);
    m_partyKind = combo("inspectorPartyKind");
    for (const PartyKind kind : PartyKinds)
        m_partyKind->addItem(partyKindLabel(kind));
    addRow(KindPa, tr("&Kind:"), m_partyKind);
    m_role = lineEdit("inspectorRole");
    addRow(KindAc, tr("&Role:"), m_role);
    m_actorParty = combo("inspectorActorParty");
    addRow(KindAc, tr("&Party:"), m_actorParty);
    m_anonymous
        = named(new QCheckBox(tr("&Anonymous (name withheld)"), content), "inspectorAnonymous");
    addRow(KindAc, QString(), m_anonymous);
    m_collective = named(new QCheckBox(tr("&Collective (a body, not a person)"), content),
                         "inspectorCollective");
    addRow(KindAc, QString(), m_collective);

    // --- source ---
    m_sourceTitle = lineEdit("inspectorSourceTitle");
    addRow(KindSo, tr("&Title:"), m_sourceTitle);
    m_outlet = lineEdit("inspectorOutlet");
    addRow(KindSo, tr("&Outlet:"), m_outlet);
    m_url = lineEdit("inspectorUrl");
    m_url->setPlaceholderText(tr("https://…"));
    m_urlNote = noteLabel("inspectorUrlNote");
    m_urlNote->hide();
    m_urlBox = timeBox(content, m_url, m_urlNote);
    addRow(KindSo, tr("&URL:"), m_urlBox, m_url);
    m_published = lineEdit("inspectorPublished");
    m_published->setPlaceholderText(tr("EDTF, e.g. 2025-12-31; empty if unknown"));
    m_publishedReading = noteLabel("inspectorPublishedReading");
    m_publishedBox = timeBox(content, m_published, m_publishedReading);
    addRow(KindSo, tr("&Published:"), m_publishedBox, m_published);
    m_reliability = combo("inspectorReliability");
    m_reliability->addItem(reliabilityLabel(0));
    for (const char grade : Reliabilities)
        m_reliability->addItem(reliabilityLabel(grade));
    addRow(KindSo, tr("R&eliability:"), m_reliability);

    // --- question ---
    m_questionText = named(plainEdit(content, 3), "inspectorQuestionText");
    addRow(KindQu, tr("&Text:"), m_questionText);

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

    // Typing commits as you go (merged into one undo step per field); times, tags, kinds and
    // URLs commit when the field is left, since their half-typed states are not what the
    // user means. Choices commit when picked.
    connect(m_title, &QLineEdit::textEdited, this, [this] { commitEventText(Title); });
    connect(m_summary, &QPlainTextEdit::textChanged, this, [this] { commitEventText(Summary); });
    connect(m_location, &QLineEdit::textEdited, this, [this] { commitEventText(Location); });
    connect(m_tags, &QLineEdit::editingFinished, this, [this] { commitEventText(Tags); });
    connect(m_when, &QLineEdit::textEdited, this,
            [this] { checkTime(m_when, m_whenReading, false); });
    connect(m_when, &QLineEdit::editingFinished, this, &InspectorView::commitEventWhen);
    connect(m_parties, &QListWidget::itemChanged, this, &InspectorView::commitEventParty);
    connect(m_kind, &QComboBox::activated, this, &InspectorView::commitEventKind);
    connect(m_kind->lineEdit(), &QLineEdit::editingFinished, this, &InspectorView::commitEventKind);
    connect(m_citations, &CitationEditor::edited, this,
            [this](const std::vector<Citation> &citations, CitationEditor::Change change,
                   std::uint32_t source) { commitCitations(citations, int(change), source); });
    connect(m_claimant, &QComboBox::activated, this, &InspectorView::commitClaimant);
    connect(m_about, &EventPicker::eventPicked, this, &InspectorView::commitAbout);
    connect(m_question, &QComboBox::activated, this, &InspectorView::commitQuestion);
    connect(m_statement, &QPlainTextEdit::textChanged, this,
            [this] { commitClaimText(Statement); });
    connect(m_quote, &QPlainTextEdit::textChanged, this, [this] { commitClaimText(Quote); });
    connect(m_madeAt, &QLineEdit::textEdited, this,
            [this] { checkTime(m_madeAt, m_madeAtReading, false); });
    connect(m_madeAt, &QLineEdit::editingFinished, this, &InspectorView::commitClaimMadeAt);
    connect(m_stance, &QComboBox::activated, this, &InspectorView::commitStance);
    connect(m_credibility, &QComboBox::activated, this, &InspectorView::commitCredibility);
    connect(m_status, &QComboBox::activated, this, &InspectorView::commitStatus);
    connect(m_name, &QLineEdit::textEdited, this, &InspectorView::commitName);
    connect(m_shortName, &QLineEdit::textEdited, this, [this] { commitPartyText(ShortName); });
    connect(m_color, &ColorButton::colorChosen, this, &InspectorView::commitPartyColor);
    connect(noColor, &QPushButton::clicked, this, [this] { commitPartyColor(QColor()); });
    connect(m_partyKind, &QComboBox::activated, this, &InspectorView::commitPartyKind);
    connect(m_role, &QLineEdit::textEdited, this, &InspectorView::commitActorText);
    connect(m_actorParty, &QComboBox::activated, this, &InspectorView::commitActorParty);
    connect(m_anonymous, &QCheckBox::clicked, this, [this] { commitActorFlag(Anonymous); });
    connect(m_collective, &QCheckBox::clicked, this, [this] { commitActorFlag(Collective); });
    connect(m_sourceTitle, &QLineEdit::textEdited, this, [this] { commitSourceText(SourceTitle); });
    connect(m_outlet, &QLineEdit::textEdited, this, [this] { commitSourceText(Outlet); });
    connect(m_url, &QLineEdit::textEdited, this, &InspectorView::checkUrl);
    connect(m_url, &QLineEdit::editingFinished, this, &InspectorView::commitSourceUrl);
    connect(m_published, &QLineEdit::textEdited, this,
            [this] { checkTime(m_published, m_publishedReading, true); });
    connect(m_published, &QLineEdit::editingFinished, this, &InspectorView::commitSourcePublished);
    connect(m_reliability, &QComboBox::activated, this, &InspectorView::commitReliability);
    connect(m_questionText, &QPlainTextEdit::textChanged, this, &InspectorView::commitQuestionText);

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &InspectorView::refresh);
    connect(m_selection, &Selection::changed, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::reset, this, [this] {
        // Another project: what was typed belongs to none of its items, and the item shown
        // (even at the same index) is another one.
        m_item = {};
        m_kindsValid = false;
        scheduleRefresh();
    });
    for (const auto changed :
         {&Document::eventChanged, &Document::claimChanged, &Document::partyChanged,
          &Document::actorChanged, &Document::sourceChanged, &Document::questionChanged})
        connect(m_document, changed, this, &InspectorView::scheduleRefresh);
    connect(m_document, &Document::structureChanged, this, &InspectorView::followStructure);
    refresh();
}

InspectorView::~InspectorView()
{
    // The fields are destroyed after this body, and a plain-text edit announces textChanged
    // and a line edit editingFinished while they go: none of that is an edit.
    for (QObject *field : std::initializer_list<QObject *> {
             m_title,       m_summary,          m_when,      m_location,   m_parties,
             m_kind,        m_kind->lineEdit(), m_tags,      m_citations,  m_claimant,
             m_about,       m_question,         m_statement, m_quote,      m_madeAt,
             m_stance,      m_credibility,      m_status,    m_name,       m_shortName,
             m_color,       m_partyKind,        m_role,      m_actorParty, m_anonymous,
             m_collective,  m_sourceTitle,      m_outlet,    m_url,        m_published,
             m_reliability, m_questionText})
        disconnect(field, nullptr, this, nullptr);
    for (QPushButton *button : findChildren<QPushButton *>())
        disconnect(button, nullptr, this, nullptr);
}

QSize InspectorView::sizeHint() const
{
    // As wide as the widest form needs (an event's or a claim's, for the citation editor's
    // row of source, Add and Remove), with the vertical scroll bar beside it: the dock then
    // opens without a horizontal scroll bar cutting off the fields. The rows of every kind
    // exist, hidden, so this does not depend on the item shown.
    int label = 0;
    int field = 0;
    for (const auto &rows : m_rows) {
        for (const Row &row : rows) {
            label = std::max(label, row.label->sizeHint().width());
            field = std::max(field, row.field->minimumSizeHint().width());
        }
    }
    const QMargins margins = m_form->parentWidget()->layout()->contentsMargins();
    const int spacing = m_form->horizontalSpacing() >= 0
        ? m_form->horizontalSpacing()
        : style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing);
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
    scheduleRefresh();
}

void InspectorView::setChooseColor(ColorButton::ChooseColor choose)
{
    m_color->setChooseColor(std::move(choose));
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
    if (!change.of(ItemKind::Event).empty())
        m_kindsValid = false;
    scheduleRefresh();
}

void InspectorView::setFieldText(QLineEdit *edit, const QString &text)
{
    edit->setModified(false);
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

bool InspectorView::mayOverwrite(const QLineEdit *field) const
{
    // A line edit's modified flag is set by the user's typing and cleared by setText() and by
    // a commit: an undo shows in a field unless the user has typed there and not committed.
    return m_newItem || !field->isModified();
}

void InspectorView::flushPending()
{
    if (!m_item.isValid())
        return;
    const auto focused = [](const QLineEdit *field) {
        return field->isModified();
    };
    switch (m_item.kind) {
    case ItemKind::Event:
        if (focused(m_when))
            commitEventWhen();
        if (focused(m_tags))
            commitEventText(Tags);
        if (focused(m_kind->lineEdit()))
            commitEventKind();
        break;
    case ItemKind::Claim:
        if (focused(m_madeAt))
            commitClaimMadeAt();
        break;
    case ItemKind::Source:
        if (focused(m_url))
            commitSourceUrl();
        if (focused(m_published))
            commitSourcePublished();
        break;
    default:
        break;
    }
}

void InspectorView::showRows(ItemKind kind, bool any)
{
    const int shown = any ? int(kind) : -1;
    if (shown == m_shownKind)
        return;
    m_shownKind = shown;
    // The rows of one kind only, rather than QFormLayout::setRowVisible(): in Qt 6.4 a hidden
    // row keeps its index into the form's height-for-width arrays, which are sized for the
    // visible rows, and the form writes past their end (valgrind) once several rows with
    // word-wrapped notes are hidden. A form holding only what it shows has no hidden row.
    while (m_form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_form->takeRow(0);
        for (QLayoutItem *item : {row.labelItem, row.fieldItem}) {
            if (item && item->widget())
                item->widget()->hide();
            delete item; // the layout item, not the widget
        }
    }
    if (!any)
        return;
    for (const Row &row : m_rows[std::size_t(kind)]) {
        m_form->addRow(row.label, row.field);
        row.label->show();
        row.field->show();
    }
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
    if (item != m_item)
        flushPending(); // into the item it was typed for
    m_newItem = item != m_item;
    m_item = item;
    const bool any = item.isValid();

    m_updating = true;
    showRows(item.kind, any);
    if (any) {
        switch (item.kind) {
        case ItemKind::Event:
            fillEvent(item.index);
            break;
        case ItemKind::Claim:
            fillClaim(item.index);
            break;
        case ItemKind::Party:
            fillParty(item.index);
            break;
        case ItemKind::Actor:
            fillActor(item.index);
            break;
        case ItemKind::Source:
            fillSource(item.index);
            break;
        case ItemKind::Question:
            fillQuestion(item.index);
            break;
        }
    } else {
        m_heading->setText(tr("Select an item to edit it."));
    }
    const std::size_t count = m_selection->items().size();
    if (any && (item.kind == ItemKind::Event || item.kind == ItemKind::Claim) && count > 1) {
        m_heading->setText(
            m_heading->text() + QLatin1Char('\n')
            + tr("%1 items selected: a status set here applies to all of them.").arg(count));
    }
    m_updating = false;
    m_newItem = false;
}

void InspectorView::showProblem(QLabel *label, const QString &text)
{
    label->setText(text);
    // A red that reads on the window colour, light or dark.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette warning = palette();
    warning.setColor(QPalette::WindowText,
                     dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20));
    label->setPalette(warning);
    label->setForegroundRole(QPalette::WindowText);
    label->show();
}

void InspectorView::showNote(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setPalette(QPalette());
    label->setForegroundRole(QPalette::PlaceholderText);
    label->show();
}

std::optional<FuzzyTime> InspectorView::checkTime(QLineEdit *edit, QLabel *reading, bool allowEmpty)
{
    const std::string text = edit->text().trimmed().toStdString();
    if (text.empty() && allowEmpty) {
        showNote(reading, tr("no time"));
        return FuzzyTime();
    }
    std::string error;
    const std::optional<FuzzyTime> time = FuzzyTime::parse(text, &error);
    if (time)
        showNote(reading, time->toDisplayString(m_zone));
    else
        showProblem(reading, tr("Not saved: %1").arg(visibleText(QString::fromStdString(error))));
    return time;
}

} // namespace claimline
