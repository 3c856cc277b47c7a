#pragma once

// ActorForm: the Inspector's form for an actor: name, role, party, and whether the actor is
// anonymous (name withheld) or collective (a body, not a person). Name and role commit as they
// are typed, merged into one undo step per field; a party or a tick is one step.

#include "inspector/inspectorform.h"

#include <QStringList>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace claimline {

class ActorForm final : public InspectorForm
{
    Q_OBJECT

public:
    explicit ActorForm(Document *document, QWidget *parent = nullptr);

    QString heading() const override;

protected:
    void fill() override;

private:
    enum Flag { Anonymous, Collective };

    void fillParties(const Actor &actor);

    void commitName();
    void commitRole();
    void commitParty(int comboIndex);
    void commitFlag(Flag flag);

    QStringList m_partyNames; // what the party combo shows, to refill it only on a change

    QLineEdit *m_name = nullptr;
    QLineEdit *m_role = nullptr;
    QComboBox *m_party = nullptr;
    QCheckBox *m_anonymous = nullptr;
    QCheckBox *m_collective = nullptr;
};

} // namespace claimline
