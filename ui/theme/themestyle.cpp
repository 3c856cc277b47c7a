#include "theme/themestyle.h"

#include <QStyleFactory>
#include <QStyleOption>

#include <memory>

namespace claimline {

ThemeStyle::ThemeStyle()
    : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion")))
{
    setObjectName(QStringLiteral("claimlineThemeStyle"));
}

void ThemeStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option,
                               QPainter *painter, const QWidget *widget) const
{
    const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
    if (!indicator || !option || option->palette.color(QPalette::Window).lightness() >= 128) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    // Fusion's outline is the window colour darker by 140 %: give it a window colour that
    // darkens to 40 % of the way from the window to the text.
    const QColor window = option->palette.color(QPalette::Window);
    const QColor text = option->palette.color(QPalette::WindowText);
    const auto mix = [](int a, int b) {
        return a + (b - a) * 2 / 5;
    };
    const QColor outline(mix(window.red(), text.red()), mix(window.green(), text.green()),
                         mix(window.blue(), text.blue()));
    // A copy of the option of its own type (check boxes carry a QStyleOptionButton).
    std::unique_ptr<QStyleOption> copy;
    if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option))
        copy = std::make_unique<QStyleOptionButton>(*button);
    else if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option))
        copy = std::make_unique<QStyleOptionViewItem>(*item);
    else
        copy = std::make_unique<QStyleOption>(*option);
    copy->palette.setColor(QPalette::Window, outline.lighter(140));
    QProxyStyle::drawPrimitive(element, copy.get(), painter, widget);
}

} // namespace claimline
