#include "inspector/actorform.h"

#include "document/document.h"
#include "text/visibletext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>

namespace claimline {

ActorForm::ActorForm(Document *document, QWidget *parent)
    : InspectorForm(document, ItemKind::Actor, parent)
{
    m_name = lineEdit("inspectorName");
    addRow(tr("&Name:"), m_name);
    m_role = lineEdit("inspectorRole");
    addRow(tr("&Role:"), m_role);
    m_party = combo("inspectorActorParty");
    addRow(tr("&Party:"), m_party);
    m_anonymous
        = named(new QCheckBox(tr("&Anonymous (name withheld)"), this), "inspectorAnonymous");
    addRow(QString(), m_anonymous);
    m_collective = named(new QCheckBox(tr("&Collective (a body, not a person)"), this),
                         "inspectorCollective");
    addRow(QString(), m_collective);
    addTagsRow(tr("Ta&gs:"));

    connect(m_name, &QLineEdit::textEdited, this, &ActorForm::commitName);
    connect(m_role, &QLineEdit::textEdited, this, &ActorForm::commitRole);
    connect(m_party, &QComboBox::activated, this, &ActorForm::commitParty);
    connect(m_anonymous, &QCheckBox::clicked, this, [this] { commitFlag(Anonymous); });
    connect(m_collective, &QCheckBox::clicked, this, [this] { commitFlag(Collective); });
}

QString ActorForm::heading() const
{
    return tr("Actor %1").arg(visibleText(project().text(project().actors()[index()].id)));
}

void ActorForm::fill()
{
    const Project &project = this->project();
    const Actor &actor = project.actors()[index()];
    setFieldText(m_name, project.text(actor.name));
    setFieldText(m_role, project.text(actor.role));
    fillParties(actor);
    m_anonymous->setChecked(actor.anonymous);
    m_collective->setChecked(actor.collective);
}

void ActorForm::fillParties(const Actor &actor)
{
    const Project &project = this->project();
    // Refilled only when a name changed, so an open popup is not disturbed.
    QStringList names {tr("none")};
    for (const Party &party : project.parties())
        names << visibleText(project.text(party.name));
    if (names != m_partyNames) {
        m_partyNames = names;
        m_party->clear();
        m_party->addItems(names);
    }
    m_party->setCurrentIndex(actor.party < project.parties().size() ? int(actor.party) + 1 : 0);
}

void ActorForm::commitName()
{
    commitTextField(&Actor::name, m_name->text(), tr("Change name of %1"), Document::Field::Name,
                    Naming::IdFollows);
}

void ActorForm::commitRole()
{
    commitTextField(&Actor::role, m_role->text(), tr("Change role of %1"), Document::Field::Role);
}

void ActorForm::commitParty(int comboIndex)
{
    if (!isEditing() || comboIndex < 0)
        return;
    const std::uint32_t party = comboIndex == 0 ? NoIndex : std::uint32_t(comboIndex - 1);
    if (party != NoIndex && party >= project().parties().size())
        return;
    Actor after = project().actors()[index()];
    after.party = party;
    const QString name = document()->quotedName(item());
    document()->edit(index(), after,
                     party == NoIndex
                         ? tr("Remove party of %1").arg(name)
                         : tr("Set party of %1 to %2")
                               .arg(name, document()->quotedName({ItemKind::Party, party})));
}

void ActorForm::commitFlag(Flag flag)
{
    if (!isEditing())
        return;
    Actor after = project().actors()[index()];
    const QString name = document()->quotedName(item());
    QString action;
    if (flag == Anonymous) {
        after.anonymous = m_anonymous->isChecked();
        action = after.anonymous ? tr("Mark %1 as anonymous").arg(name)
                                 : tr("Mark %1 as named").arg(name);
    } else {
        after.collective = m_collective->isChecked();
        action = after.collective ? tr("Mark %1 as collective").arg(name)
                                  : tr("Mark %1 as a person").arg(name);
    }
    document()->edit(index(), after, action);
}

} // namespace claimline
