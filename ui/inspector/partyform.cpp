#include "inspector/partyform.h"

#include "document/document.h"
#include "inspector/inspectorfields.h"
#include "text/visibletext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

namespace claimline {

using namespace inspector;

PartyForm::PartyForm(Document *document, QWidget *parent)
    : InspectorForm(document, ItemKind::Party, parent)
{
    m_name = lineEdit("inspectorName");
    addRow(tr("&Name:"), m_name);
    m_shortName = lineEdit("inspectorShortName");
    m_shortName->setPlaceholderText(tr("e.g. RU"));
    addRow(tr("S&hort name:"), m_shortName);
    m_color = named(new ColorButton(this), "inspectorColor");
    auto *noColor = named(new QPushButton(tr("No colour"), this), "inspectorNoColor");
    auto *colorBox = new QWidget(this);
    auto *colorLayout = new QHBoxLayout(colorBox);
    colorLayout->setContentsMargins(0, 0, 0, 0);
    colorLayout->addWidget(m_color);
    colorLayout->addWidget(noColor);
    colorLayout->addStretch(1);
    addRow(tr("C&olour:"), colorBox, m_color);
    m_partyKind = combo("inspectorPartyKind");
    for (const PartyKind kind : PartyKinds)
        m_partyKind->addItem(partyKindLabel(kind));
    addRow(tr("&Kind:"), m_partyKind);
    addTagsRow(tr("T&ags:"));

    connect(m_name, &QLineEdit::textEdited, this, &PartyForm::commitName);
    connect(m_shortName, &QLineEdit::textEdited, this, &PartyForm::commitShortName);
    connect(m_color, &ColorButton::colorChosen, this, &PartyForm::commitColor);
    connect(noColor, &QPushButton::clicked, this, [this] { commitColor(QColor()); });
    connect(m_partyKind, &QComboBox::activated, this, &PartyForm::commitKind);
}

QString PartyForm::heading() const
{
    return tr("Party %1").arg(visibleText(project().text(project().parties()[index()].id)));
}

void PartyForm::setChooseColor(ColorButton::ChooseColor choose)
{
    m_color->setChooseColor(std::move(choose));
}

void PartyForm::fill()
{
    const Project &project = this->project();
    const Party &party = project.parties()[index()];
    setFieldText(m_name, project.text(party.name));
    setFieldText(m_shortName, project.text(party.shortName));
    m_color->setColor(party.hasColor ? QColor::fromRgb(party.color) : QColor());
    m_partyKind->setCurrentIndex(int(party.kind));
}

void PartyForm::commitName()
{
    commitTextField(&Party::name, m_name->text(), tr("Change name of %1"), Document::Field::Name,
                    Naming::IdFollows);
}

void PartyForm::commitShortName()
{
    commitTextField(&Party::shortName, m_shortName->text(), tr("Change short name of %1"),
                    Document::Field::ShortName);
}

void PartyForm::commitColor(const QColor &color)
{
    if (!isEditing())
        return;
    Party after = project().parties()[index()];
    after.hasColor = color.isValid();
    after.color = color.isValid() ? (color.rgb() & 0xffffffu) : 0;
    const QString name = document()->quotedName(item());
    document()->edit(index(), after,
                     color.isValid()
                         ? tr("Set colour of %1 to %2").arg(name, color.name().toUpper())
                         : tr("Remove colour of %1").arg(name));
}

void PartyForm::commitKind(int comboIndex)
{
    if (!isEditing() || comboIndex < 0 || comboIndex >= int(PartyKinds.size()))
        return;
    Party after = project().parties()[index()];
    after.kind = PartyKinds[std::size_t(comboIndex)];
    document()->edit(
        index(), after,
        tr("Set kind of %1 to %2").arg(document()->quotedName(item()), partyKindLabel(after.kind)));
}

} // namespace claimline
