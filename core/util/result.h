#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace ChannelDesk {

// Why an operation failed, in the words of whoever refused (the database's own text, kept).
struct Error
{
    QString message;
};

// A value, or the error that kept it from being made: what an operation that can fail in an
// expected way returns (the shape of C++23's std::expected, which gcc 12 lacks). Test it before
// reading the value: `if (!levels) return levels.error();`.
template<typename T> class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error.message))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Only when ok().
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    // By value, so that `for (const auto &x : read().value())` does not outlive the Result.
    T value() && { return std::move(*m_value); }
    const T &operator*() const & { return *m_value; }
    T &operator*() & { return *m_value; }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    // Empty when ok().
    const QString &error() const { return m_error; }

private:
    std::optional<T> m_value;
    QString m_error;
};

// Success, or the error: for operations that make no value.
template<> class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_ok(false)
        , m_error(std::move(error.message))
    {
    }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const QString &error() const { return m_error; }

private:
    bool m_ok = true;
    QString m_error;
};

using Status = Result<void>;

} // namespace ChannelDesk
