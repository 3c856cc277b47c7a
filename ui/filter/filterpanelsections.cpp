// FilterPanel's sections: the widgets of each criterion and how they are laid out. What they
// do to the Filter is in filterpanel.cpp.

#include "filter/filterpanel.h"

#include "filter/checkgroup.h"
#include "filter/checklist.h"
#include "filter/layerfilter.h"
#include "filter/sectionheader.h"
#include "model/model.h"
#include "present/labels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

namespace claimline {

namespace {

QString capitalized(std::string_view name)
{
    QString text = QString::fromUtf8(name);
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
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

// The "All" and "None" buttons of a section, wired to check or uncheck all of `target`
// (a CheckList or a CheckGroup). `what` names the rows in the plural ("parties"); the
// accessible names and tooltips say what each does to the views.
template<typename Target>
void addAllNone(SectionHeader *header, Target *target, const QString &name, bool offersAll,
                const QString &allName, const QString &allTip, const QString &noneName,
                const QString &noneTip)
{
    if (offersAll) {
        QToolButton *all = header->addButton(FilterPanel::tr("All"), allName, allTip,
                                             name + QStringLiteral("All"));
        QObject::connect(all, &QToolButton::clicked, target,
                         [target] { target->setAllChecked(true); });
    }
    QToolButton *none = header->addButton(FilterPanel::tr("None"), noneName, noneTip,
                                          name + QStringLiteral("None"));
    QObject::connect(none, &QToolButton::clicked, target,
                     [target] { target->setAllChecked(false); });
}

} // namespace

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
    addPartySection(layout, content);
    addStatusAndStanceSections(layout, content);
    addQuestionAndTagSections(layout, content);
    addDateSection(layout, content);
    addReliabilitySection(layout, content);
    addLayerSection(layout, content);
    layout->addStretch(1);
    return content;
}

// A section's title (with buttons to come), with air above it unless it is the first.
SectionHeader *FilterPanel::addSectionHeader(QVBoxLayout *layout, QWidget *content,
                                             const QString &title)
{
    if (layout->count() > 0)
        layout->addSpacing(10);
    auto *header = new SectionHeader(title, content);
    layout->addWidget(header);
    return header;
}

void FilterPanel::addPartySection(QVBoxLayout *layout, QWidget *content)
{
    SectionHeader *header = addSectionHeader(layout, content, tr("Parties"));
    m_parties = new CheckList(12, content);
    m_parties->setObjectName(QStringLiteral("filterParties"));
    m_parties->setIconSize(QSize(12, 12));
    m_parties->setToolTip(tr("Unchecked parties are hidden; an event stays while any of its "
                             "parties is shown.\nAlt+click a party, or its \u201Conly\u201D "
                             "button, to show that party alone."));
    m_parties->setAccessibleName(tr("Parties shown"));
    connect(m_parties, &CheckList::checksChanged, this, &FilterPanel::partiesChanged);
    addAllNone(header, m_parties, QStringLiteral("filterParties"), true, tr("Show every party"),
               tr("Check every party: show them all"), tr("Hide every party"),
               tr("Uncheck every party: hide them all"));
    layout->addWidget(m_parties);
}

void FilterPanel::addStatusAndStanceSections(QVBoxLayout *layout, QWidget *content)
{
    // Statuses and stances: fixed sets, two columns of check boxes.
    SectionHeader *header = addSectionHeader(layout, content, tr("Status"));
    m_statuses = new CheckGroup(content);
    m_statuses->setObjectName(QStringLiteral("filterStatuses"));
    for (const std::string_view name : StatusNames)
        m_statuses->addBox(capitalized(name),
                           QStringLiteral("filterStatus_") + QString::fromUtf8(name));
    connect(m_statuses, &CheckGroup::checksChanged, this, &FilterPanel::statusesChanged);
    addAllNone(header, m_statuses, QStringLiteral("filterStatuses"), true, tr("Show every status"),
               tr("Check every status: show items of any status"), tr("Hide every status"),
               tr("Uncheck every status: hide every item"));
    layout->addWidget(m_statuses);

    header = addSectionHeader(layout, content, tr("Stance of claims"));
    m_stances = new CheckGroup(content);
    m_stances->setObjectName(QStringLiteral("filterStances"));
    // Stance::None is listed last: "No stance" is the odd one out.
    for (std::size_t s = 1; s <= StanceNames.size(); ++s) {
        const std::size_t stance = s % StanceNames.size();
        m_stances->addBox(
            stance == 0 ? tr("No stance") : capitalized(StanceNames[stance]),
            QStringLiteral("filterStance_")
                + (stance == 0 ? QStringLiteral("none") : QString::fromUtf8(StanceNames[stance])));
    }
    connect(m_stances, &CheckGroup::checksChanged, this, &FilterPanel::stancesChanged);
    addAllNone(header, m_stances, QStringLiteral("filterStances"), true,
               tr("Show claims of every stance"), tr("Check every stance: show every claim"),
               tr("Hide claims of every stance"), tr("Uncheck every stance: hide every claim"));
    layout->addWidget(m_stances);
}

void FilterPanel::addQuestionAndTagSections(QVBoxLayout *layout, QWidget *content)
{
    // Questions and tags are requirements: none checked requires nothing.
    SectionHeader *header = addSectionHeader(layout, content, tr("Questions"));
    layout->addWidget(note(tr("Claims on any checked question; none checked shows all."), content));
    m_questions = new CheckList(8, content);
    m_questions->setSpacing(2); // wrapped rows need air between them
    m_questions->setObjectName(QStringLiteral("filterQuestions"));
    m_questions->setWordWrap(true);
    m_questions->setTextElideMode(Qt::ElideRight);
    m_questions->setAccessibleName(tr("Questions required"));
    connect(m_questions, &CheckList::checksChanged, this, &FilterPanel::questionsChanged);
    addAllNone(
        header, m_questions, QStringLiteral("filterQuestions"), true, tr("Check every question"),
        tr("Check every question: claims on any question (claims on none are hidden)"),
        tr("Uncheck every question"), tr("Uncheck every question: claims on any question or none"));
    layout->addWidget(m_questions);

    // Every checked tag must be on an event: checking them all would hide nearly everything,
    // so the section offers "None" only.
    header = addSectionHeader(layout, content, tr("Tags"));
    layout->addWidget(note(
        tr("Events and claims with every checked tag (a claim has its event's too)."), content));
    m_tags = new CheckList(10, content);
    m_tags->setObjectName(QStringLiteral("filterTags"));
    m_tags->setOffersAll(false);
    m_tags->setAccessibleName(tr("Tags required"));
    connect(m_tags, &CheckList::checksChanged, this, &FilterPanel::tagsChanged);
    addAllNone(header, m_tags, QStringLiteral("filterTags"), false, {}, {}, tr("Uncheck every tag"),
               tr("Uncheck every tag: require none"));
    layout->addWidget(m_tags);
}

void FilterPanel::addDateSection(QVBoxLayout *layout, QWidget *content)
{
    addSectionHeader(layout, content, tr("Dates (UTC)"));
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
    addSectionHeader(layout, content, tr("Source reliability"));
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

// The analyst's own layer: what they starred, annotated, and who annotated.
void FilterPanel::addLayerSection(QVBoxLayout *layout, QWidget *content)
{
    addSectionHeader(layout, content, tr("Stars and annotations"));
    m_layer = new LayerFilter(m_document, m_filter, content);
    layout->addWidget(m_layer);
}

} // namespace claimline
