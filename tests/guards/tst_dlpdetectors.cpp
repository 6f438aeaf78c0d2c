// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
#include "core/guards/checksums.h"
#include "core/guards/dlpscanner.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Switchyard::Guards;

class tst_DlpDetectors final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void detect_data();
    void detect();
    void checksums_data();
    void checksums();
    void customPattern();
    void badCustomPatternIsAClearError();
    void disabledClassIsNotReported();
    void overlapPrefersTheSpecificDetector();
    void describeNeverContainsTheValue();
    void scanTenKilobytes();

private:
    DlpScannerPtr m_scanner;
};

void tst_DlpDetectors::initTestCase()
{
    const auto scanner = DlpScanner::create(DlpSettings{});
    QVERIFY(scanner.ok());
    m_scanner = scanner.value();
}

void tst_DlpDetectors::detect_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("cls");      // expected class key, empty = no finding
    QTest::addColumn<QString>("value");    // expected matched text
    QTest::addColumn<QString>("detector"); // expected detector, empty = any

    const auto hit = [](const char *row, const QString &text, const char *cls, const QString &value,
                        const char *detector = "") {
        QTest::newRow(row) << text << QString::fromLatin1(cls) << value
                           << QString::fromLatin1(detector);
    };
    const auto miss = [](const char *row, const QString &text) {
        QTest::newRow(row) << text << QString() << QString() << QString();
    };
    const auto s = [](const char *t) {
        return QString::fromUtf8(t);
    };

    // email
    hit("email plain", s("Contact jane.doe@example.com today"), "email", s("jane.doe@example.com"));
    hit("email plus tag", s("mail j.d+news@mail.example.co.uk."), "email",
        s("j.d+news@mail.example.co.uk"));
    miss("email scp line", s("scp build.tar.gz deploy@buildhost:/srv/releases"));
    miss("email scp dotted host", s("scp a.tgz deploy@build.example.com:/srv/x"));
    miss("email decorator", s("@dataclass\nclass Foo:\n    @property\n    def x(self): pass"));
    miss("email retina asset", s("<img src=\"logo@2x.png\">"));
    miss("email npm version", s("npm install lodash@4.17.21"));
    miss("email mention", s("thanks @alice for the review"));
    // phone
    hit("phone +1 with area code", s("call +1 (415) 555-2671 now"), "phone", s("+1 (415) 555-2671"));
    hit("phone +44", s("tel: +44 20 7946 0958"), "phone", s("+44 20 7946 0958"));
    hit("phone +49 compact", s("Ruf +49 30 12345678 an"), "phone", s("+49 30 12345678"));
    hit("phone nanp parens", s("office (415) 555-2671"), "phone", s("(415) 555-2671"), "phone_nanp");
    hit("phone nanp dashes", s("cell 415-555-2671."), "phone", s("415-555-2671"), "phone_nanp");
    hit("phone uk trunk", s("ring 020 7946 0958 please"), "phone", s("020 7946 0958"),
        "phone_trunk");
    miss("phone iso date", s("released 2024-01-15 and 2024-02-01"));
    miss("phone bare digit run", s("order 4155552671 shipped"));
    miss("phone short international", s("dial +12 34"));
    miss("phone arithmetic", s("x = 3 + 4 - 5 * 1234"));
    miss("phone time range", s("open 09:00-17:00 daily"));
    // payment cards
    hit("card visa spaced", s("card 4111 1111 1111 1111 exp 12/29"), "card",
        s("4111 1111 1111 1111"));
    hit("card visa dashed", s("4111-1111-1111-1111"), "card", s("4111-1111-1111-1111"));
    hit("card mastercard", s("pay with 5555555555554444"), "card", s("5555555555554444"));
    hit("card mastercard 2-series", s("2223003122003222"), "card", s("2223003122003222"));
    hit("card amex 4-6-5", s("amex 3782 822463 10005 ok"), "card", s("3782 822463 10005"));
    hit("card diners 14", s("diners 30569309025904"), "card", s("30569309025904"));
    hit("card then year group", s("4111 1111 1111 1111 2029"), "card", s("4111 1111 1111 1111"));
    miss("card luhn invalid", s("card 4111 1111 1111 1112"));
    miss("card unknown issuer", s("ref 1234 5678 9012 3452"));
    miss("card too long run", s("tracking 41111111111111110000"));
    miss("card amex wrong length", s("3782822463100051"));
    // IBAN
    hit("iban de spaced", s("IBAN: DE89 3704 0044 0532 0130 00, thanks"), "iban",
        s("DE89 3704 0044 0532 0130 00"));
    hit("iban gb compact", s("GB82WEST12345698765432"), "iban", s("GB82WEST12345698765432"));
    hit("iban fr letters", s("FR14 2004 1010 0505 0001 3M02 606"), "iban",
        s("FR14 2004 1010 0505 0001 3M02 606"));
    hit("iban then caps word", s("NL91ABNA0417164300 OK"), "iban", s("NL91ABNA0417164300"));
    miss("iban bad checksum", s("DE89370400440532013001"));
    miss("iban wrong length", s("DE8937040044053201300"));
    miss("iban unknown country", s("QQ89370400440532013000"));
    // national ids
    hit("ssn dashed", s("SSN 536-22-1234"), "national_id", s("536-22-1234"), "ssn");
    hit("ssn spaced", s("ssn: 536 22 1234"), "national_id", s("536 22 1234"), "ssn");
    miss("ssn area 000", s("SSN 000-12-3456"));
    miss("ssn area 666", s("SSN 666-12-3456"));
    miss("ssn area 9xx", s("SSN 912-34-5678"));
    miss("ssn group 00", s("SSN 536-00-1234"));
    miss("ssn serial 0000", s("SSN 536-22-0000"));
    miss("ssn mixed separators", s("SSN 536-22 1234"));
    hit("nino spaced", s("NI AB 12 34 56 C"), "national_id", s("AB 12 34 56 C"), "nino");
    hit("nino compact", s("nino AB123456C."), "national_id", s("AB123456C"), "nino");
    miss("nino bad prefix", s("BG123456A"));
    miss("nino bad first letter", s("QQ123456C"));
    miss("nino bad suffix", s("AB123456E"));
    hit("dni", s("DNI 12345678Z"), "national_id", s("12345678Z"), "dni");
    hit("nie", s("NIE X1234567L"), "national_id", s("X1234567L"), "dni");
    miss("dni wrong letter", s("DNI 12345678A"));
    // IP addresses
    hit("ipv4", s("server at 192.168.1.20 is down"), "ip", s("192.168.1.20"), "ipv4");
    hit("ipv4 end of sentence", s("ping 10.0.0.1."), "ip", s("10.0.0.1"), "ipv4");
    miss("ipv4 octet 256", s("host 256.1.1.1"));
    miss("ipv4 loopback", s("curl http://127.0.0.1:7420/health"));
    miss("ipv4 any address", s("bind to 0.0.0.0"));
    miss("ipv4 version word", s("version 1.2.3.4"));
    miss("ipv4 v prefix", s("upgrade to v1.2.3.4"));
    miss("ipv4 three parts", s("python 3.11.4"));
    miss("ipv4 leading zeros", s("01.02.03.04"));
    miss("ipv4 five parts", s("build 1.2.3.4.5"));
    hit("ipv6 compressed", s("addr 2001:db8::8a2e:370:7334 up"), "ip", s("2001:db8::8a2e:370:7334"),
        "ipv6");
    hit("ipv6 full", s("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), "ip",
        s("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), "ipv6");
    hit("ipv6 link local", s("fe80::1ff:fe23:4567:890a"), "ip", s("fe80::1ff:fe23:4567:890a"),
        "ipv6");
    miss("ipv6 clock time", s("at 12:30:45 sharp"));
    miss("ipv6 cpp scope", s("std::vector<int> v;"));
    miss("ipv6 mac address", s("mac 00:1a:2b:3c:4d:5e"));
    // secrets
    hit("openai project key", s("key sk-proj-9Wvgfygw2wMqZcUDIh7yfJs1ON43xKmTecQoXsf2o3gyrDO1 end"),
        "secret", s("sk-proj-9Wvgfygw2wMqZcUDIh7yfJs1ON43xKmTecQoXsf2o3gyrDO1"), "openai_key");
    hit("openai legacy key",
        s("OPENAI_API_KEY=sk-xkxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZuzren68K4Tu"), "secret",
        s("sk-xkxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZuzren68K4Tu"), "openai_key");
    hit("anthropic key",
        s("x-api-key: sk-ant-api03-nPFz46PDjqipVJIqVLB5LzxoiGFfWd3hjOkYRBMeyyMDHqJ38aRUhR4IWrXP"),
        "secret", s("sk-ant-api03-nPFz46PDjqipVJIqVLB5LzxoiGFfWd3hjOkYRBMeyyMDHqJ38aRUhR4IWrXP"),
        "anthropic_key");
    hit("aws access key id", s("aws_access_key_id = AKIAIOSFODNN7EXAMPLE"), "secret",
        s("AKIAIOSFODNN7EXAMPLE"), "aws_access_key_id");
    hit("github classic token", s("token ghp_vhsBkDa9U4UqGWlG6g3Ot1OGMmjxWkI9X7H6"), "secret",
        s("ghp_vhsBkDa9U4UqGWlG6g3Ot1OGMmjxWkI9X7H6"), "github_token");
    hit("github fine-grained",
        s("github_pat_aMuFbh7x41Ztpdp4K8ffUF_"
          "0eWIXiiQE8JkqH3MB9n7IWUSmTtzQPxC5HChpoevbLJoLoaeTOdoe5c3veG"),
        "secret",
        s("github_pat_aMuFbh7x41Ztpdp4K8ffUF_"
          "0eWIXiiQE8JkqH3MB9n7IWUSmTtzQPxC5HChpoevbLJoLoaeTOdoe5c3veG"),
        "github_pat");
    hit("google api key", s("key=AIzaprQFnIiU74KKEpYEZAmggQBwBAD3UdRPPgd&x=1"), "secret",
        s("AIzaprQFnIiU74KKEpYEZAmggQBwBAD3UdRPPgd"), "google_api_key");
    hit("slack bot token", s("SLACK=xoxb-6513338726-lrDp37eCZ32JgdPI1af7W2pk"), "secret",
        s("xoxb-6513338726-lrDp37eCZ32JgdPI1af7W2pk"), "slack_token");
    const QString pem = s(
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n"
        "4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0\n-----END RSA PRIVATE KEY-----");
    hit("private key block", s("here:\n") + pem + s("\nbye"), "secret", pem, "private_key");
    hit("bearer jwt",
        s("Authorization: Bearer "
          "eyJhbGciOiJIUzI1NiJ9.dLEG62Hkd9Gf2leMeR3pzh84KpLMcN.Du7W7eaDNKgeInGqi7w4"),
        "secret", s("eyJhbGciOiJIUzI1NiJ9.dLEG62Hkd9Gf2leMeR3pzh84KpLMcN.Du7W7eaDNKgeInGqi7w4"),
        "bearer_token");
    hit("entropy token", s("secret: AFEn3z5dkyayq7YYDsBS9UYJQTFjmsn9dLVIdVud"), "secret",
        s("AFEn3z5dkyayq7YYDsBS9UYJQTFjmsn9dLVIdVud"), "entropy");
    miss("secret scikit learn", s("pip install sk-learn"));
    miss("secret wordy sk name", s("see sk-this-is-not-a-real-key-at-all"));
    miss("secret short akia", s("AKIA1234"));
    miss("secret short ghp", s("ghp_short"));
    miss("secret bearer word", s("Authorization: Bearer token"));
    miss("secret bearer prose", s("the bearer of bad news"));
    miss("secret camel identifier", s("ThisIsAVeryLongCamelCaseIdentifierName2"));
    miss("secret git sha", s("commit 0123456789abcdef0123456789abcdef01234567"));
    miss("secret public key",
         s("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\n-----END PUBLIC "
           "KEY-----"));
    miss("secret python path", s("/usr/local/lib/python3.11/site-packages/numpy/core"));
    miss("plain prose", s("The quick brown fox jumps over the lazy dog, 3 times in 2024."));
}

void tst_DlpDetectors::detect()
{
    QFETCH(QString, text);
    QFETCH(QString, cls);
    QFETCH(QString, value);
    QFETCH(QString, detector);

    const QList<Finding> findings = m_scanner->scan(text);
    QStringList described;
    for (const Finding &f : findings) {
        described.append(f.describe());
    }
    if (cls.isEmpty()) {
        QVERIFY2(findings.isEmpty(), qPrintable(described.join(QStringLiteral("; "))));
        return;
    }
    QVERIFY2(findings.size() == 1, qPrintable(described.join(QStringLiteral("; "))));
    const Finding &f = findings.constFirst();
    QCOMPARE(dataClassKey(f.dataClass), cls);
    QCOMPARE(f.value, value);
    QCOMPARE(text.mid(f.start, f.length), value);
    if (!detector.isEmpty()) {
        QCOMPARE(f.detector, detector);
    }
}

void tst_DlpDetectors::checksums_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");
    QTest::newRow("luhn ok") << "luhn"
                             << "79927398713" << true;
    QTest::newRow("luhn bad") << "luhn"
                              << "79927398710" << false;
    QTest::newRow("iban ok") << "iban"
                             << "GB82WEST12345698765432" << true;
    QTest::newRow("iban lowercase") << "iban"
                                    << "gb82west12345698765432" << false;
    QTest::newRow("nino ok") << "nino"
                             << "AB123456C" << true;
    QTest::newRow("nino O second") << "nino"
                                   << "AO123456C" << false;
    QTest::newRow("ipv6 two double colons") << "ipv6"
                                            << "1::2::3" << false;
    QTest::newRow("ipv6 v4 tail") << "ipv6"
                                  << "::ffff:192.0.2.128" << true;
    QTest::newRow("ipv6 nine groups") << "ipv6"
                                      << "1:2:3:4:5:6:7:8:9" << false;
}

void tst_DlpDetectors::checksums()
{
    QFETCH(QString, kind);
    QFETCH(QString, input);
    QFETCH(bool, valid);
    bool got = false;
    if (kind == QLatin1String("luhn")) {
        got = Internal::luhnValid(input);
    } else if (kind == QLatin1String("iban")) {
        got = Internal::ibanValid(input);
    } else if (kind == QLatin1String("nino")) {
        got = Internal::ninoValid(input);
    } else if (kind == QLatin1String("ipv6")) {
        got = Internal::ipv6Valid(input);
    }
    QCOMPARE(got, valid);
}

void tst_DlpDetectors::customPattern()
{
    DlpSettings settings;
    settings.custom.append(
        {QStringLiteral("ticket"), QStringLiteral("TCK-\\d{6}"), GuardAction::Redact, false});
    const auto scanner = DlpScanner::create(settings);
    QVERIFY(scanner.ok());
    const QList<Finding> findings = scanner.value()->scan(
        QStringLiteral("see TCK-123456 and TCK-12"));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().dataClass, DataClass::Custom);
    QCOMPARE(findings.first().label, QStringLiteral("ticket"));
    QCOMPARE(findings.first().detector, QStringLiteral("custom:ticket"));
    QCOMPARE(findings.first().tag(), QStringLiteral("TICKET"));
    QCOMPARE(findings.first().value, QStringLiteral("TCK-123456"));
}

void tst_DlpDetectors::badCustomPatternIsAClearError()
{
    DlpSettings settings;
    settings.custom.append(
        {QStringLiteral("broken"), QStringLiteral("(unclosed"), GuardAction::Redact, false});
    const auto scanner = DlpScanner::create(settings);
    QVERIFY(!scanner.ok());
    QCOMPARE(scanner.error().code, QStringLiteral("guards.bad_pattern"));
    QVERIFY2(scanner.error().message.contains(QLatin1String("'broken'")),
             qPrintable(scanner.error().message));
    QVERIFY(scanner.error().message.contains(QLatin1String("offset")));
}

void tst_DlpDetectors::disabledClassIsNotReported()
{
    DlpSettings settings;
    settings.disabled.insert(DataClass::Email);
    settings.actions.insert(DataClass::IpAddress, GuardAction::Off);
    const auto scanner = DlpScanner::create(settings);
    QVERIFY(scanner.ok());
    const QList<Finding> findings = scanner.value()->scan(
        QStringLiteral("a@example.com 10.1.2.3 4111 1111 1111 1111"));
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().dataClass, DataClass::Card);
}

void tst_DlpDetectors::overlapPrefersTheSpecificDetector()
{
    // The JWT-ish token is also a high-entropy string; the bearer detector wins and the
    // entropy detector does not report the same characters again.
    const QString text = QStringLiteral("Bearer AFEn3z5dkyayq7YYDsBS9UYJQTFjmsn9dLVIdVud");
    const QList<Finding> findings = m_scanner->scan(text);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().detector, QStringLiteral("bearer_token"));
}

void tst_DlpDetectors::describeNeverContainsTheValue()
{
    const QString text = QStringLiteral(
        "k=sk-proj-9Wvgfygw2wMqZcUDIh7yfJs1ON43xKmTecQoXsf2o3gyrDO1 "
        "mail jane.doe@example.com card 4111 1111 1111 1111");
    const QList<Finding> findings = m_scanner->scan(text);
    QCOMPARE(findings.size(), 3);
    for (const Finding &f : findings) {
        QVERIFY(!f.value.isEmpty());
        QVERIFY2(!f.describe().contains(f.value), qPrintable(f.detector));
        QVERIFY(!f.describe().contains(QLatin1String("9Wvgfygw")));
    }
}

void tst_DlpDetectors::scanTenKilobytes()
{
    QString prompt;
    while (prompt.size() < 10 * 1024) {
        prompt += QStringLiteral(
            "Please summarise the meeting notes from Tuesday; the team discussed "
            "release 2.4, the budget for Q3 and the hiring plan. ");
    }
    prompt += QStringLiteral(" Contact jane.doe@example.com.");
    QList<Finding> findings;
    QElapsedTimer timer;
    timer.start();
    constexpr int kRuns = 50;
    for (int i = 0; i < kRuns; ++i) {
        findings = m_scanner->scan(prompt);
    }
    qInfo("10 KB prompt: %.3f ms per scan", double(timer.nsecsElapsed()) / 1e6 / kRuns);
    QCOMPARE(findings.size(), 1);
}

QTEST_GUILESS_MAIN(tst_DlpDetectors)
#include "tst_dlpdetectors.moc"
