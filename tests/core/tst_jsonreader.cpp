// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/common/jsonreader.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace Switchyard;

// JsonReader must build exactly the document Qt builds, or decline: every case below is
// compared with QJsonDocument::fromJson.
class tst_JsonReader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameAsQt_data();
    void sameAsQt();
    void sameAsQtOnFixtures();
    void sameAsQtOnGeneratedDocuments();
    void declinesWhatQtRejects();
    void fromJsonReportsQtsError();

private:
    static void compareWithQt(const QByteArray &json, bool mustRead);
};

void tst_JsonReader::compareWithQt(const QByteArray &json, bool mustRead)
{
    QJsonParseError qtError;
    const QJsonDocument qt = QJsonDocument::fromJson(json, &qtError);
    const std::optional<QJsonDocument> ours = JsonReader::read(json);
    if (qtError.error != QJsonParseError::NoError) {
        QVERIFY2(!ours, json.left(200).constData());
        return;
    }
    if (mustRead)
        QVERIFY2(ours.has_value(), json.left(200).constData());
    if (!ours)
        return;
    QCOMPARE(*ours, qt);
    // Integers and doubles print differently: the same text means the same storage.
    QCOMPARE(ours->toJson(QJsonDocument::Compact), qt.toJson(QJsonDocument::Compact));
}

void tst_JsonReader::sameAsQt_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("mustRead");
    QTest::newRow("chat request") << QByteArray(R"({"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello"}],"temperature":0.7,"max_tokens":256,"stream":false})") << true;
    QTest::newRow("escapes") << QByteArray(R"({"a":"line\nnext\t\"quoted\" back\\slash \/ \b\f\r"})") << true;
    QTest::newRow("unicode escapes") << QByteArray(R"({"a":"\u00e9\u4e2d\ud83d\ude00\u0000end"})") << true;
    QTest::newRow("raw utf-8") << QByteArray("{\"a\":\"Gr\xc3\xbc\xc3\x9f" "e \xe4\xb8\xad \xf0\x9f\x98\x80\"}") << true;
    QTest::newRow("numbers") << QByteArray(R"([0,-0,1,-1,1.0,-0.0,0.1,3.14159,9223372036854775807,-9223372036854775808,9223372036854775808,12345678901234567890,1.7976931348623157,0.30000000000000004,100.000])") << true;
    QTest::newRow("literals and nesting") << QByteArray(R"({"t":true,"f":false,"n":null,"o":{"a":[1,[2,[3,{}]],[]],"b":{}}})") << true;
    QTest::newRow("repeated keys") << QByteArray(R"({"a":1,"a":{"x":2},"b":[1],"b":"last"})") << true;
    QTest::newRow("whitespace") << QByteArray(" \r\n\t{ \"a\" :\n[ 1 ,\t2 ] } \n") << true;
    QTest::newRow("top-level array") << QByteArray(R"([{"a":1},"x",null])") << true;
    QTest::newRow("exponent: Qt's") << QByteArray(R"({"a":1e2,"b":-2.5E-3})") << false;
    QTest::newRow("lone surrogate: Qt's") << QByteArray(R"({"a":"\ud800x"})") << false;
    QTest::newRow("byte-order mark: Qt's") << QByteArray("\xef\xbb\xbf{\"a\":1}") << false;
}

void tst_JsonReader::sameAsQt()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, mustRead);
    compareWithQt(json, mustRead);
}

void tst_JsonReader::sameAsQtOnFixtures()
{
    int files = 0;
    QDirIterator it(QStringLiteral(SWITCHYARD_TEST_DATA), {QStringLiteral("*.json")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        compareWithQt(file.readAll(), false);
        ++files;
    }
    QVERIFY2(files >= 5, qPrintable(QString::number(files)));
}

namespace {

QByteArray randomString(QRandomGenerator &random)
{
    static const char *const kPieces[] = {
        "a", "hello world", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\u4e2d",
        "\\ud83d\\ude00", "\\u0000", "\\u001f", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
        "int main() {", "}", "    return 0;", "'", "<|im_start|>", " "};
    QByteArray out = "\"";
    const int pieces = int(random.bounded(12));
    for (int i = 0; i < pieces; ++i)
        out += kPieces[random.bounded(int(std::size(kPieces)))];
    return out + '"';
}

QByteArray randomNumber(QRandomGenerator &random)
{
    static const char *const kNumbers[] = {"0", "-0", "7", "-42", "0.5", "-0.25", "3.0",
                                           "123456789012", "9223372036854775807",
                                           "9223372036854775808", "-9223372036854775809",
                                           "0.1", "2.718281828459045", "1000000.000001"};
    return kNumbers[random.bounded(int(std::size(kNumbers)))];
}

QByteArray randomValue(QRandomGenerator &random, int depth)
{
    const char *space = random.bounded(4) == 0 ? " \n" : "";
    switch (random.bounded(depth > 4 ? 4 : 6)) {
    case 0: return randomString(random);
    case 1: return randomNumber(random);
    case 2: return random.bounded(2) ? "true" : (random.bounded(2) ? "false" : "null");
    case 3: return randomString(random);
    case 4: {
        QByteArray out = "{";
        const int members = int(random.bounded(5));
        for (int i = 0; i < members; ++i) {
            if (i)
                out += ',';
            out += space + randomString(random) + space + ':' + randomValue(random, depth + 1);
        }
        return out + space + '}';
    }
    default: {
        QByteArray out = "[";
        const int items = int(random.bounded(5));
        for (int i = 0; i < items; ++i) {
            if (i)
                out += QByteArray(",") + space;
            out += randomValue(random, depth + 1);
        }
        return out + ']';
    }
    }
}

} // namespace

void tst_JsonReader::sameAsQtOnGeneratedDocuments()
{
    QRandomGenerator random(42);
    int read = 0;
    for (int i = 0; i < 3000; ++i) {
        const QByteArray json = (random.bounded(2) ? "{\"k\":" : "[") + randomValue(random, 0);
        const QByteArray document = json.startsWith('{') ? json + '}' : json + ']';
        compareWithQt(document, false);
        read += JsonReader::read(document).has_value() ? 1 : 0;
    }
    QVERIFY2(read > 2500, qPrintable(QString::number(read))); // it declines only the odd one
}

void tst_JsonReader::declinesWhatQtRejects()
{
    // Damaged documents: whatever Qt rejects, the reader must not accept.
    QRandomGenerator random(4242);
    static const char kDamage[] = {'"', '\\', ',', ':', '{', '}', '[', ']', 'x', '\x01', '0', '.',
                                   '-', ' ', 'e', '\xff', '\xc3'};
    for (int i = 0; i < 3000; ++i) {
        QByteArray json = "{\"k\":" + randomValue(random, 0) + '}';
        const int at = int(random.bounded(int(json.size())));
        switch (random.bounded(3)) {
        case 0: json.remove(at, 1); break;
        case 1: json.insert(at, kDamage[random.bounded(int(sizeof kDamage))]); break;
        default: json[at] = kDamage[random.bounded(int(sizeof kDamage))]; break;
        }
        compareWithQt(json, false);
    }
    for (const char *bad : {"", " ", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[01]",
                            "[1.]", "[-]", "[.5]", "{\"a\":tru}", "{\"a\":\"\x01\"}", "[\"\\x\"]",
                            "[\"\\u12\"]", "{\"a\":1}x", "\"just a string\"", "42", "[1e400]"}) {
        compareWithQt(QByteArray(bad), false);
    }
}

void tst_JsonReader::fromJsonReportsQtsError()
{
    QJsonParseError error;
    JsonReader::fromJson("{\"a\":1,}", &error);
    QCOMPARE(error.error, QJsonParseError::MissingObject);
    const QJsonDocument ok = JsonReader::fromJson("{\"a\":\"x\\ny\"}", &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(ok.object().value(QLatin1String("a")).toString(), QStringLiteral("x\ny"));
}

QTEST_GUILESS_MAIN(tst_JsonReader)
#include "tst_jsonreader.moc"
