#pragma once

// PartyForm: the Inspector's form for a party: name, short name, colour and kind. Names commit
// as they are typed, merged into one undo step per field; a colour or a kind is one step.

#include "inspector/colorbutton.h"
#include "inspector/inspectorform.h"

class QComboBox;
class QLineEdit;

namespace claimline {

class PartyForm final : public InspectorForm
{
    Q_OBJECT

public:
    explicit PartyForm(Document *document, QWidget *parent = nullptr);

    QString heading() const override;
    // Asks for a party's colour (the default shows a QColorDialog).
    void setChooseColor(ColorButton::ChooseColor choose);

protected:
    void fill() override;

private:
    void commitName();
    void commitShortName();
    void commitColor(const QColor &color);
    void commitKind(int comboIndex);

    QLineEdit *m_name = nullptr;
    QLineEdit *m_shortName = nullptr;
    ColorButton *m_color = nullptr;
    QComboBox *m_partyKind = nullptr;
};

} // namespace claimline
