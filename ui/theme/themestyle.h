#pragma once

// ThemeStyle: Fusion, as the Light and Dark themes use it, with check boxes and radio buttons
// that show on a dark palette. Qt 6.4's Fusion outlines them with the window colour made
// darker, which vanishes when the window is dark: an unchecked box in a list (the Inspector's
// parties) did not show at all. On a dark palette the indicator is drawn from a window colour
// that darkens to a visible outline, between the window and its text; nothing else changes.

#include <QProxyStyle>

namespace claimline {

class ThemeStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    ThemeStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace claimline
