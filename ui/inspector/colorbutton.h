#pragma once

// ColorButton: a push button showing a colour as a swatch and its hex code; clicking it asks
// for another colour. How it asks is replaceable (tests answer without a dialog).

#include <QColor>
#include <QPushButton>

#include <functional>
#include <optional>

namespace claimline {

class ColorButton final : public QPushButton
{
    Q_OBJECT

public:
    explicit ColorButton(QWidget *parent = nullptr);

    // The colour shown; an invalid colour shows "no colour".
    QColor color() const { return m_color; }
    void setColor(const QColor &color);

    // Asks for a colour starting from `initial`; std::nullopt when the user cancels. The
    // default shows a QColorDialog.
    using ChooseColor
        = std::function<std::optional<QColor>(QWidget *parent, const QColor &initial)>;
    void setChooseColor(ChooseColor choose) { m_choose = std::move(choose); }

Q_SIGNALS:
    // The user chose a colour (not emitted by setColor()).
    void colorChosen(const QColor &color);

protected:
    void changeEvent(QEvent *event) override;

private:
    void choose();

    QColor m_color;
    ChooseColor m_choose;
};

} // namespace claimline
