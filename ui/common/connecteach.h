#pragma once

// connectEach: one slot for several signals of one sender, such as a view that rebuilds on any
// of the Document's changes. Each is an ordinary pointer-to-member connection, in the order
// given, with the receiver as its context; a signal's arguments the slot does not take are
// dropped, as QObject::connect does.

#include <QObject>

namespace claimline {

template<typename Sender, typename Receiver, typename Slot, typename... Signals>
void connectEach(const Sender *sender, const Receiver *receiver, Slot slot, Signals... signals)
{
    (QObject::connect(sender, signals, receiver, slot), ...);
}

} // namespace claimline
