#pragma once

// The keys of the window's standard actions (File ▸ Save As, Quit…): the platform's own, or the
// usual ones where it has none. Qt's generic Unix keyboard scheme (an X11 session without a
// GNOME or KDE platform theme, the offscreen platform) gives Save As and Quit no key at all,
// so File ▸ Save As had no Ctrl+Shift+S there.

#include <QKeySequence>
#include <QList>

namespace claimline {

inline QList<QKeySequence> standardKeys(QKeySequence::StandardKey key, const QKeySequence &fallback)
{
    QList<QKeySequence> keys = QKeySequence::keyBindings(key);
    if (keys.isEmpty())
        keys << fallback;
    return keys;
}

} // namespace claimline
