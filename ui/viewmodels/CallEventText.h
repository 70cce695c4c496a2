#pragma once

#include "call/CallEvent.h"

#include <QCoreApplication>
#include <QString>

namespace spoke::ui {

// core/call reports typed events (call::CallEvent); this words them for the
// person in the call, translated. The engine's detail (a device error) goes
// in as %1, as it came. Stateless; call on the UI thread.
class CallEventText {
    Q_DECLARE_TR_FUNCTIONS(CallEventText)
public:
    static QString describe(const call::CallEvent& event);
    // Why the call ended (CallSession::failed), as one or two sentences;
    // the room number and the engine's detail go in as parameters.
    static QString describe(const call::CallFailure& failure);
};

} // namespace spoke::ui
