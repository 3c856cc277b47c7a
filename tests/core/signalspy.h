#pragma once

#include <QMetaObject>
#include <QObject>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <vector>

namespace claimline::test {

// Records every emission of one signal with its arguments. (QSignalSpy lives in Qt Test,
// which the core tests do not link.)
template<typename Object, typename... Args>
class SignalSpy
{
public:
    SignalSpy(Object *sender, void (Object::*signal)(Args...))
    {
        m_connection = QObject::connect(sender, signal, [this](Args... args) {
            m_calls.emplace_back(std::decay_t<Args>(args)...);
        });
    }
    ~SignalSpy() { QObject::disconnect(m_connection); }
    SignalSpy(const SignalSpy &) = delete;
    SignalSpy &operator=(const SignalSpy &) = delete;

    std::size_t count() const { return m_calls.size(); }
    const std::tuple<std::decay_t<Args>...> &at(std::size_t i) const { return m_calls.at(i); }
    const std::tuple<std::decay_t<Args>...> &last() const { return m_calls.back(); }
    void clear() { m_calls.clear(); }

private:
    QMetaObject::Connection m_connection;
    std::vector<std::tuple<std::decay_t<Args>...>> m_calls;
};

} // namespace claimline::test
