#pragma once

// ThemeManager: View ▸ Theme — System, Light or Dark. Dark mode used to work only when the
// desktop's platform theme provided a dark palette; Light and Dark are palettes of our own on
// the Fusion style, so they look the same on every desktop, and System gives back the style and
// palette the platform chose. The choice is kept in QSettings and applied at start, before the
// window is built. Views follow through QEvent::PaletteChange (each view rebuilds what it
// derived from the palette); party colours stay legible through common/colors.h.
//
// The look is one per application, so what is applied is process-wide; a ThemeManager is the
// window's handle on it (the menu, the setting).

#include <QObject>
#include <QPalette>

class QAction;
class QActionGroup;
class QMenu;

namespace claimline {

class ThemeManager final : public QObject
{
    Q_OBJECT

public:
    enum class Theme { System, Light, Dark };

    explicit ThemeManager(QObject *parent = nullptr);

    // The theme applied to the application (System until one is chosen).
    static Theme theme();
    // Applies a theme to the application, remembers it in QSettings and checks its action.
    void setTheme(Theme theme);

    // Adds the Theme submenu (an exclusive group: System, Light, Dark) to `menu`.
    QMenu *addMenu(QMenu *menu);
    // The menu's action for a theme (after addMenu()), for tests and shortcuts.
    QAction *action(Theme theme) const;

    // The theme kept in QSettings (System when none or an unknown one is stored).
    static Theme savedTheme();
    // Applies the saved theme: called once at start, before the main window is built.
    static void applySaved();
    // Applies a theme to the application without remembering it.
    static void apply(Theme theme);

    // Our palettes. Light is Fusion's own; Dark is built so that the window, the views' base
    // and the controls are told apart (the views draw on Base, the chrome on Window).
    static QPalette lightPalette();
    static QPalette darkPalette();
    // Qt 6.4 has no colour-scheme hint: dark is told from the window colour, as the views do.
    static bool isDark(const QPalette &palette);

    static QString settingsKey();

Q_SIGNALS:
    void themeChanged(claimline::ThemeManager::Theme theme);

private:
    void updateActions();

    QActionGroup *m_group = nullptr;
};

} // namespace claimline
