#include "theme/thememanager.h"

#include "theme/themestyle.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <spdlog/spdlog.h>

#include <memory>

namespace claimline {

namespace {

// What the platform gave the application before we changed anything, kept once per process
// so that System can give it back (and a second window does not take our Fusion for it).
struct ProcessLook
{
    bool captured = false;
    QString styleName;
    ThemeManager::Theme applied = ThemeManager::Theme::System;
};

ProcessLook &look()
{
    static ProcessLook state;
    return state;
}

void captureSystemLook()
{
    ProcessLook &state = look();
    if (state.captured)
        return;
    state.captured = true;
    state.styleName = QApplication::style() ? QApplication::style()->name() : QString();
}

void setStyleNamed(const QString &name)
{
    if (name.isEmpty() || !QApplication::style()
        || QApplication::style()->name().compare(name, Qt::CaseInsensitive) == 0)
        return;
    if (QStyle *style = QStyleFactory::create(name))
        QApplication::setStyle(style); // the application takes ownership
}

// Light and Dark: Fusion, with indicators that show on a dark palette (ThemeStyle).
void setThemeStyle()
{
    if (!qobject_cast<ThemeStyle *>(QApplication::style()))
        QApplication::setStyle(new ThemeStyle); // the application takes ownership
}

QString themeName(ThemeManager::Theme theme)
{
    switch (theme) {
    case ThemeManager::Theme::Light:
        return QStringLiteral("light");
    case ThemeManager::Theme::Dark:
        return QStringLiteral("dark");
    case ThemeManager::Theme::System:
        break;
    }
    return QStringLiteral("system");
}

const QString FusionStyle = QStringLiteral("Fusion");

} // namespace

ThemeManager::ThemeManager(QObject *parent)
    : QObject(parent)
{ }

QString ThemeManager::settingsKey()
{
    return QStringLiteral("appearance/theme");
}

ThemeManager::Theme ThemeManager::theme()
{
    return look().applied;
}

ThemeManager::Theme ThemeManager::savedTheme()
{
    const QString saved = QSettings().value(settingsKey()).toString();
    if (saved == themeName(Theme::Light))
        return Theme::Light;
    if (saved == themeName(Theme::Dark))
        return Theme::Dark;
    return Theme::System;
}

void ThemeManager::applySaved()
{
    apply(savedTheme());
}

void ThemeManager::apply(Theme theme)
{
    ProcessLook &state = look();
    if (theme == state.applied)
        return;
    captureSystemLook();
    if (theme == Theme::System) {
        // The platform's style back, and an empty palette: the application resolves it
        // against the style's and the platform theme's own again.
        setStyleNamed(state.styleName);
        QApplication::setPalette(QPalette());
    } else {
        // Fusion draws every control from the palette, so ours is all it takes to look the
        // same on every desktop (a native style may ignore parts of a palette).
        setThemeStyle();
        QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
    }
    state.applied = theme;
}

void ThemeManager::setTheme(Theme theme)
{
    if (theme != ThemeManager::theme())
        spdlog::info("theme: {}", themeName(theme).toStdString());
    apply(theme);
    QSettings().setValue(settingsKey(), themeName(theme));
    updateActions();
    Q_EMIT themeChanged(theme);
}

QMenu *ThemeManager::addMenu(QMenu *menu)
{
    QMenu *themes = menu->addMenu(tr("T&heme"));
    themes->setObjectName(QStringLiteral("themeMenu"));
    m_group = new QActionGroup(this);
    m_group->setExclusive(true);
    const auto add = [&](Theme theme, const QString &text, const QString &tip) {
        QAction *action = themes->addAction(text);
        action->setObjectName(QStringLiteral("theme_") + themeName(theme));
        action->setCheckable(true);
        action->setData(int(theme));
        action->setStatusTip(tip);
        m_group->addAction(action);
        connect(action, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    };
    add(Theme::System, tr("&System"), tr("Use the desktop's colours and style"));
    add(Theme::Light, tr("&Light"), tr("Dark text on light backgrounds, on every desktop"));
    add(Theme::Dark, tr("&Dark"), tr("Light text on dark backgrounds, on every desktop"));
    // Another window may have changed the process-wide theme since.
    connect(themes, &QMenu::aboutToShow, this, &ThemeManager::updateActions);
    updateActions();
    return themes;
}

QAction *ThemeManager::action(Theme theme) const
{
    if (!m_group)
        return nullptr;
    for (QAction *action : m_group->actions()) {
        if (action->data().toInt() == int(theme))
            return action;
    }
    return nullptr;
}

void ThemeManager::updateActions()
{
    if (QAction *current = action(theme()))
        current->setChecked(true);
}

bool ThemeManager::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QPalette ThemeManager::lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(FusionStyle));
    QPalette light = fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
    // Fusion's light palette leaves links and tool tips to the platform.
    light.setColor(QPalette::Link, QColor(0x0b, 0x57, 0xd0));
    light.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3d, 0xb8));
    light.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe1));
    light.setColor(QPalette::ToolTipText, Qt::black);
    return light;
}

QPalette ThemeManager::darkPalette()
{
    // The chrome (Window) a step lighter than the views (Base): a check box or a field is a
    // darker well in a lighter window, so it shows even where Fusion's outline (the window
    // colour darkened) does not. Text is not pure white: less glare on a dark screen, still
    // 13:1 on the base.
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe3, 0xe5, 0xe8);
    const QColor button(0x38, 0x3a, 0x40);
    const QColor disabledText(0x7d, 0x81, 0x88);
    QPalette dark(button, window);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, button);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    dark.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x54));
    dark.setColor(QPalette::Midlight, QColor(0x3e, 0x40, 0x47));
    dark.setColor(QPalette::Mid, QColor(0x26, 0x28, 0x2c));
    dark.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    dark.setColor(QPalette::Shadow, QColor(0x0d, 0x0d, 0x0f));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xd8));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x7c, 0xb7, 0xff));
    dark.setColor(QPalette::LinkVisited, QColor(0xc3, 0xa6, 0xff));
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3c, 0x42));
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, QColor(0x8e, 0x92, 0x97));
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        dark.setColor(QPalette::Disabled, role, disabledText);
    dark.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x3e, 0x40, 0x47));
    dark.setColor(QPalette::Disabled, QPalette::Base, window);
    return dark;
}

} // namespace claimline
