package epp

// Typed wrappers over the extension accessors for the parts added with
// ffi/src/ext_more.rs: fee check commands with their fees and credits,
// launch create details (code marks, mark records, signed and encoded
// signed marks, notices), changePoll, addlEmail, b-dn, maintenance and
// Verisign's extensions and poll data. Each reads every field through
// ExtString/ExtNumber; an absent string is "".

// The extension kinds (EPP_EXT_KIND_*).
const (
	ExtKindNone                   ExtKind = 0
	ExtKindRaw                    ExtKind = 1
	ExtKindSecDNSCreate           ExtKind = 2
	ExtKindSecDNSUpdate           ExtKind = 3
	ExtKindSecDNSInfo             ExtKind = 4
	ExtKindRGPUpdate              ExtKind = 5
	ExtKindRGPStatuses            ExtKind = 6
	ExtKindAllocationToken        ExtKind = 7
	ExtKindAllocationTokenInfo    ExtKind = 8
	ExtKindTTL                    ExtKind = 9
	ExtKindLoginSec               ExtKind = 10
	ExtKindLoginSecData           ExtKind = 11
	ExtKindFee                    ExtKind = 12
	ExtKindFeeData                ExtKind = 13
	ExtKindLaunch                 ExtKind = 14
	ExtKindLaunchData             ExtKind = 15
	ExtKindChangePoll             ExtKind = 16
	ExtKindAddlEmail              ExtKind = 17
	ExtKindBundling               ExtKind = 18
	ExtKindMaintenanceInfo        ExtKind = 19
	ExtKindMaintenanceItem        ExtKind = 20
	ExtKindMaintenanceList        ExtKind = 21
	ExtKindVerisignNamestore      ExtKind = 22
	ExtKindVerisignNamestoreError ExtKind = 23
	ExtKindVerisignSync           ExtKind = 24
	ExtKindVerisignLowBalance     ExtKind = 25
	ExtKindVerisignRGPPoll        ExtKind = 26
)

// ExtIndexData (EPP_EXT_INDEX_DATA) is the element index of the data
// outside <extension> that the extension accessors type: maintenance-1.0
// <infData>, Verisign poll data in <resData>, the <maint:info> command.
// It is -1 here, so that it is an int on every platform; the accessors
// pass it to C as EPP_EXT_INDEX_DATA.
const ExtIndexData = -1

// The extension lists added with them (EPP_EXT_LIST_*); see include/epp.h.
const (
	ExtListFeeCheckCommands         ExtList = 13
	ExtListFeeCheckFees             ExtList = 14
	ExtListFeeCheckCredits          ExtList = 15
	ExtListLaunchCodeMarks          ExtList = 16
	ExtListLaunchMarkRecords        ExtList = 17
	ExtListLaunchSignedMarks        ExtList = 18
	ExtListLaunchEncodedSignedMarks ExtList = 19
	ExtListLaunchNotices            ExtList = 20
	ExtListMaintenanceTypes         ExtList = 21
	ExtListMaintenanceSystems       ExtList = 22
	ExtListMaintenanceDescriptions  ExtList = 23
	ExtListMaintenanceTlds          ExtList = 24
	ExtListMaintenanceListItems     ExtList = 25
	ExtListBundleNames              ExtList = 26
	ExtListLaunchMarkLabels         ExtList = 27
	ExtListLaunchMarkClasses        ExtList = 28
	ExtListLaunchMarkParties        ExtList = 29
)

// The extension fields added with them (EPP_EXT_*); see include/epp.h
// for which are numbers.
const (
	ExtParent             ExtField = 46
	ExtCustomName         ExtField = 47
	ExtSubphase           ExtField = 48
	ExtPeriod             ExtField = 49
	ExtPeriodUnit         ExtField = 50
	ExtStandard           ExtField = 51
	ExtReason             ExtField = 52
	ExtObjectElement      ExtField = 53
	ExtCode               ExtField = 54
	ExtValidatorID        ExtField = 55
	ExtMarkKind           ExtField = 56
	ExtMarkID             ExtField = 57
	ExtMarkName           ExtField = 58
	ExtHolderName         ExtField = 59
	ExtHolderOrg          ExtField = 60
	ExtJurisdiction       ExtField = 61
	ExtGoodsAndServices   ExtField = 62
	ExtXML                ExtField = 63
	ExtEncoding           ExtField = 64
	ExtData               ExtField = 65
	ExtNoticeID           ExtField = 66
	ExtNotAfter           ExtField = 67
	ExtAcceptedDate       ExtField = 68
	ExtCreateType         ExtField = 69
	ExtState              ExtField = 70
	ExtOperation          ExtField = 71
	ExtOperationType      ExtField = 72
	ExtDate               ExtField = 73
	ExtSvTRID             ExtField = 74
	ExtWho                ExtField = 75
	ExtCaseID             ExtField = 76
	ExtCaseType           ExtField = 77
	ExtCaseName           ExtField = 78
	ExtSubProduct         ExtField = 79
	ExtErrorCode          ExtField = 80
	ExtExpMonthDay        ExtField = 81
	ExtRegistrarName      ExtField = 82
	ExtCreditThreshold    ExtField = 83
	ExtThresholdType      ExtField = 84
	ExtAvailableCredit    ExtField = 85
	ExtRequestDate        ExtField = 86
	ExtReportDueDate      ExtField = 87
	ExtMaintenanceID      ExtField = 88
	ExtPollType           ExtField = 89
	ExtEnvironment        ExtField = 90
	ExtEnvironmentName    ExtField = 91
	ExtStart              ExtField = 92
	ExtEnd                ExtField = 93
	ExtDetail             ExtField = 94
	ExtConnection         ExtField = 95
	ExtImplementation     ExtField = 96
	ExtCreated            ExtField = 97
	ExtUpdated            ExtField = 98
	ExtHost               ExtField = 99
	ExtImpact             ExtField = 100
	ExtContentType        ExtField = 101
	ExtEmail              ExtField = 102
	ExtPrimary            ExtField = 103
	ExtULabel             ExtField = 104
	ExtBundleData         ExtField = 105
	ExtParty              ExtField = 106
	ExtRole               ExtField = 107
	ExtOrg                ExtField = 108
	ExtCity               ExtField = 109
	ExtCountry            ExtField = 110
	ExtRegistrationNumber ExtField = 111
	ExtRegistrationDate   ExtField = 112
	ExtExpirationDate     ExtField = 113
	ExtMarkApplicationID  ExtField = 114
	ExtApplicationDate    ExtField = 115
	ExtReferenceNumber    ExtField = 116
	ExtProtectionDate     ExtField = 117
	ExtTitle              ExtField = 118
	ExtExecutionDate      ExtField = 119
	ExtCourtName          ExtField = 120
)

// Fields of ext.go's range that these wrappers read (unexported so that
// they never clash with names added there).
const (
	extStatus     ExtField = 12
	extLang       ExtField = 13
	extText       ExtField = 14
	extAmount     ExtField = 23
	extDesc       ExtField = 24
	extRefundable ExtField = 25
	extGrace      ExtField = 26
	extApplied    ExtField = 27
	extCreditLim  ExtField = 29
	extObjectID   ExtField = 30
	extAvailable  ExtField = 31
	extClass      ExtField = 32
	extCommand    ExtField = 33
	extPhase      ExtField = 34
	extName       ExtField = 37
)

// extReader reads the fields of one extension element.
type extReader struct {
	m *Message
	i int
}

func (r extReader) str(l ExtList, item int, f ExtField) string {
	s, _ := r.m.ExtString(r.i, l, item, f)
	return s
}

func (r extReader) num(l ExtList, item int, f ExtField) (uint64, bool) {
	return r.m.ExtNumber(r.i, l, item, f)
}

func (r extReader) flag(l ExtList, item int, f ExtField) *bool {
	n, ok := r.num(l, item, f)
	if !ok {
		return nil
	}
	b := n != 0
	return &b
}

func (r extReader) count(l ExtList) int { return r.m.ExtCount(r.i, l) }

func (r extReader) parent(l ExtList, item int) int {
	n, _ := r.num(l, item, ExtParent)
	return int(n)
}

// FeeAmount is a fee or a credit of a fee check command.
type FeeAmount struct {
	Amount, Description, Lang, GracePeriod, Applied string
	Refundable                                      *bool
}

// FeeCheckCommand is one <fee:command> of a <fee:cd> (fee-1.0 or a draft).
type FeeCheckCommand struct {
	// Item is the index of its cd in ExtListFeeCheckItems.
	Item                              int
	Name, CustomName, Phase, Subphase string
	Period                            int
	PeriodUnit                        string
	Standard, Available               *bool
	Class, Reason, ReasonLang         string
	Fees, Credits                     []FeeAmount
}

// FeeCheckCommands is every command of every cd of the <fee:chkData> at
// extension index i (nil for another element), with their fees and
// credits.
func (m *Message) FeeCheckCommands(i int) []FeeCheckCommand {
	r := extReader{m, i}
	var out []FeeCheckCommand
	l := ExtListFeeCheckCommands
	for k := range r.count(l) {
		period, _ := r.num(l, k, ExtPeriod)
		out = append(out, FeeCheckCommand{
			Item: r.parent(l, k), Name: r.str(l, k, extCommand), CustomName: r.str(l, k, ExtCustomName),
			Phase: r.str(l, k, extPhase), Subphase: r.str(l, k, ExtSubphase),
			Period: int(period), PeriodUnit: r.str(l, k, ExtPeriodUnit),
			Standard: r.flag(l, k, ExtStandard), Available: r.flag(l, k, extAvailable),
			Class: r.str(l, k, extClass), Reason: r.str(l, k, ExtReason), ReasonLang: r.str(l, k, extLang),
		})
	}
	for _, l := range []ExtList{ExtListFeeCheckFees, ExtListFeeCheckCredits} {
		for k := range r.count(l) {
			p := r.parent(l, k)
			if p >= len(out) {
				continue
			}
			a := FeeAmount{
				Amount: r.str(l, k, extAmount), Description: r.str(l, k, extDesc), Lang: r.str(l, k, extLang),
				GracePeriod: r.str(l, k, extGrace), Applied: r.str(l, k, extApplied), Refundable: r.flag(l, k, extRefundable),
			}
			if l == ExtListFeeCheckFees {
				out[p].Fees = append(out[p].Fees, a)
			} else {
				out[p].Credits = append(out[p].Credits, a)
			}
		}
	}
	return out
}

// FeeCheckItemExtra is what a <fee:cd> has beyond ExtListFeeCheckItems'
// object id, avail and class: the objID element and the reason.
type FeeCheckItemExtra struct {
	ObjectID, ObjectElement, Reason, ReasonLang string
}

// FeeCheckItemExtras reads the objID element and reason of every cd of the
// <fee:chkData> at extension index i.
func (m *Message) FeeCheckItemExtras(i int) []FeeCheckItemExtra {
	r := extReader{m, i}
	var out []FeeCheckItemExtra
	l := ExtListFeeCheckItems
	for k := range r.count(l) {
		out = append(out, FeeCheckItemExtra{r.str(l, k, extObjectID), r.str(l, k, ExtObjectElement), r.str(l, k, ExtReason), r.str(l, k, extLang)})
	}
	return out
}

// MarkParty is a mark holder or contact.
type MarkParty struct {
	// Holder tells a holder (Role: its entitlement) from a contact (Role:
	// its type).
	Holder                           bool
	Role, Name, Org, Email, City, CC string
}

// MarkRecord is a mark-1.0 trademark, treatyOrStatute or court.
type MarkRecord struct {
	// Mark is the index of its code mark, signed mark or mark.
	Mark                                  int
	Kind, ID, Name, HolderName, HolderOrg string
	Jurisdiction, GoodsAndServices        string
	RegistrationNumber, RegistrationDate  string
	ExpirationDate, ApplicationID         string
	ApplicationDate, ReferenceNumber      string
	ProtectionDate, Title, ExecutionDate  string
	Country, CourtName                    string
	Labels, Classes                       []string
	Parties                               []MarkParty
}

// LaunchCodeMark is a launch <codeMark>'s code.
type LaunchCodeMark struct{ Code, ValidatorID string }

// LaunchSignedMark is an smd <signedMark>: its raw XML, id and notAfter.
type LaunchSignedMark struct{ XML, ID, NotAfter string }

// LaunchEncodedSignedMark is an smd <encodedSignedMark>.
type LaunchEncodedSignedMark struct{ Encoding, Data string }

// LaunchNotice is a launch claims <notice>.
type LaunchNotice struct{ NoticeID, ValidatorID, NotAfter, AcceptedDate string }

// LaunchCreateDetails is what a <launch:create> holds beyond its phase.
type LaunchCreateDetails struct {
	Type               string
	CodeMarks          []LaunchCodeMark
	SignedMarks        []LaunchSignedMark
	EncodedSignedMarks []LaunchEncodedSignedMark
	Notices            []LaunchNotice
	Marks              []MarkRecord
}

// MarkRecords is the mark records of the launch element at extension
// index i (a create's code or signed marks, an infData's marks).
func (m *Message) MarkRecords(i int) []MarkRecord {
	r := extReader{m, i}
	var out []MarkRecord
	l := ExtListLaunchMarkRecords
	for k := range r.count(l) {
		out = append(out, MarkRecord{
			Mark: r.parent(l, k), Kind: r.str(l, k, ExtMarkKind), ID: r.str(l, k, ExtMarkID), Name: r.str(l, k, ExtMarkName),
			HolderName: r.str(l, k, ExtHolderName), HolderOrg: r.str(l, k, ExtHolderOrg),
			Jurisdiction: r.str(l, k, ExtJurisdiction), GoodsAndServices: r.str(l, k, ExtGoodsAndServices),
			RegistrationNumber: r.str(l, k, ExtRegistrationNumber), RegistrationDate: r.str(l, k, ExtRegistrationDate),
			ExpirationDate: r.str(l, k, ExtExpirationDate), ApplicationID: r.str(l, k, ExtMarkApplicationID),
			ApplicationDate: r.str(l, k, ExtApplicationDate), ReferenceNumber: r.str(l, k, ExtReferenceNumber),
			ProtectionDate: r.str(l, k, ExtProtectionDate), Title: r.str(l, k, ExtTitle),
			ExecutionDate: r.str(l, k, ExtExecutionDate), Country: r.str(l, k, ExtCountry), CourtName: r.str(l, k, ExtCourtName),
		})
	}
	for _, l := range []ExtList{ExtListLaunchMarkLabels, ExtListLaunchMarkClasses} {
		for k := range r.count(l) {
			p := r.parent(l, k)
			if p >= len(out) {
				continue
			}
			if l == ExtListLaunchMarkLabels {
				out[p].Labels = append(out[p].Labels, r.str(l, k, extText))
			} else {
				out[p].Classes = append(out[p].Classes, r.str(l, k, extText))
			}
		}
	}
	l = ExtListLaunchMarkParties
	for k := range r.count(l) {
		if p := r.parent(l, k); p < len(out) {
			out[p].Parties = append(out[p].Parties, MarkParty{
				Holder: r.str(l, k, ExtParty) == "holder", Role: r.str(l, k, ExtRole), Name: r.str(l, k, extName),
				Org: r.str(l, k, ExtOrg), Email: r.str(l, k, ExtEmail), City: r.str(l, k, ExtCity), CC: r.str(l, k, ExtCountry),
			})
		}
	}
	return out
}

// LaunchCreate reads the <launch:create> at extension index i; false for
// another element.
func (m *Message) LaunchCreate(i int) (LaunchCreateDetails, bool) {
	if m.ExtKind(i) != ExtKindLaunch {
		return LaunchCreateDetails{}, false
	}
	r := extReader{m, i}
	d := LaunchCreateDetails{Type: r.str(ExtListSelf, 0, ExtCreateType), Marks: m.MarkRecords(i)}
	for k := range r.count(ExtListLaunchCodeMarks) {
		d.CodeMarks = append(d.CodeMarks, LaunchCodeMark{r.str(ExtListLaunchCodeMarks, k, ExtCode), r.str(ExtListLaunchCodeMarks, k, ExtValidatorID)})
	}
	for k := range r.count(ExtListLaunchSignedMarks) {
		l := ExtListLaunchSignedMarks
		d.SignedMarks = append(d.SignedMarks, LaunchSignedMark{r.str(l, k, ExtXML), r.str(l, k, ExtMarkID), r.str(l, k, ExtNotAfter)})
	}
	for k := range r.count(ExtListLaunchEncodedSignedMarks) {
		l := ExtListLaunchEncodedSignedMarks
		d.EncodedSignedMarks = append(d.EncodedSignedMarks, LaunchEncodedSignedMark{r.str(l, k, ExtEncoding), r.str(l, k, ExtData)})
	}
	for k := range r.count(ExtListLaunchNotices) {
		l := ExtListLaunchNotices
		d.Notices = append(d.Notices, LaunchNotice{r.str(l, k, ExtNoticeID), r.str(l, k, ExtValidatorID), r.str(l, k, ExtNotAfter), r.str(l, k, ExtAcceptedDate)})
	}
	return d, true
}

// ChangePoll is a changePoll-1.0 <changeData> (RFC 8590).
type ChangePoll struct {
	State, Operation, OperationType, Date, SvTRID, Who string
	CaseID, CaseType, CaseName, Reason, ReasonLang     string
}

// ChangePoll reads the <changePoll:changeData> at extension index i.
func (m *Message) ChangePoll(i int) (ChangePoll, bool) {
	if m.ExtKind(i) != ExtKindChangePoll {
		return ChangePoll{}, false
	}
	r := extReader{m, i}
	s := func(f ExtField) string { return r.str(ExtListSelf, 0, f) }
	return ChangePoll{
		State: s(ExtState), Operation: s(ExtOperation), OperationType: s(ExtOperationType), Date: s(ExtDate),
		SvTRID: s(ExtSvTRID), Who: s(ExtWho), CaseID: s(ExtCaseID), CaseType: s(ExtCaseType), CaseName: s(ExtCaseName),
		Reason: s(ExtReason), ReasonLang: s(extLang),
	}, true
}

// AddlEmail is an addlEmail-1.0 <addlEmail> (RFC 9873).
type AddlEmail struct {
	Email   string
	Primary *bool
}

// AddlEmail reads the <addlEmail:addlEmail> at extension index i.
func (m *Message) AddlEmail(i int) (AddlEmail, bool) {
	if m.ExtKind(i) != ExtKindAddlEmail {
		return AddlEmail{}, false
	}
	r := extReader{m, i}
	return AddlEmail{r.str(ExtListSelf, 0, ExtEmail), r.flag(ExtListSelf, 0, ExtPrimary)}, true
}

// BundledName is a b-dn name and its U-label.
type BundledName struct{ Name, ULabel string }

// Bundling is a b-dn element (RFC 9095): the rdn, which response element
// it is ("" for <b-dn:create>) and the bundle's names.
type Bundling struct {
	RDN   BundledName
	Data  string
	Names []BundledName
}

// Bundling reads the b-dn element at extension index i.
func (m *Message) Bundling(i int) (Bundling, bool) {
	if m.ExtKind(i) != ExtKindBundling {
		return Bundling{}, false
	}
	r := extReader{m, i}
	b := Bundling{RDN: BundledName{r.str(ExtListSelf, 0, extName), r.str(ExtListSelf, 0, ExtULabel)}, Data: r.str(ExtListSelf, 0, ExtBundleData)}
	for k := range r.count(ExtListBundleNames) {
		b.Names = append(b.Names, BundledName{r.str(ExtListBundleNames, k, extName), r.str(ExtListBundleNames, k, ExtULabel)})
	}
	return b, true
}

// Verisign is one of Verisign's elements: the namestore sub-product, a
// namestore error, a sync expiry day, low-balance or rgp poll data. Kind
// says which; the fields of the others are "".
type Verisign struct {
	Kind                                        ExtKind
	SubProduct, ErrorCode, ErrorMessage         string
	ExpMonthDay                                 string
	RegistrarName, CreditLimit, CreditThreshold string
	ThresholdType, AvailableCredit              string
	Name, RGPStatus, RequestDate, ReportDueDate string
}

// Verisign reads the Verisign element at extension index i (or
// ExtIndexData for the poll data).
func (m *Message) Verisign(i int) (Verisign, bool) {
	k := m.ExtKind(i)
	if k < ExtKindVerisignNamestore || k > ExtKindVerisignRGPPoll {
		return Verisign{}, false
	}
	r := extReader{m, i}
	s := func(f ExtField) string { return r.str(ExtListSelf, 0, f) }
	return Verisign{
		Kind: k, SubProduct: s(ExtSubProduct), ErrorCode: s(ExtErrorCode), ErrorMessage: s(extText),
		ExpMonthDay: s(ExtExpMonthDay), RegistrarName: s(ExtRegistrarName), CreditLimit: s(extCreditLim),
		CreditThreshold: s(ExtCreditThreshold), ThresholdType: s(ExtThresholdType), AvailableCredit: s(ExtAvailableCredit),
		Name: s(extName), RGPStatus: s(extStatus), RequestDate: s(ExtRequestDate), ReportDueDate: s(ExtReportDueDate),
	}, true
}

// LangText is a text and its language.
type LangText struct{ Text, Lang string }

// MaintenanceSystem is a maintenance <system>.
type MaintenanceSystem struct{ Name, Host, Impact string }

// MaintenanceDescription is a maintenance <description>.
type MaintenanceDescription struct{ Text, Lang, Type string }

// MaintenanceItem is a maintenance <item>, or (in Maintenance.List) a
// <listItem>, whose fields are only the id, name, lang and dates.
type MaintenanceItem struct {
	ID, Name, Lang, PollType, Environment, EnvironmentName string
	Start, End, Reason, Detail, Created, Updated           string
	Connection, Implementation                             *bool
	Types                                                  []LangText
	Systems                                                []MaintenanceSystem
	Descriptions                                           []MaintenanceDescription
	TLDs                                                   []string
}

// Maintenance is maintenance-1.0 data (RFC 9167): the <maint:info>
// command (ID, Name, Lang of Item; IsList for <maint:list/>) or an
// <infData> with an item or a list.
type Maintenance struct {
	Kind   ExtKind
	Item   MaintenanceItem
	List   []MaintenanceItem
	IsList bool
}

// Maintenance reads the maintenance data of the message (at ExtIndexData).
func (m *Message) Maintenance() (Maintenance, bool) {
	k := m.ExtKind(ExtIndexData)
	if k < ExtKindMaintenanceInfo || k > ExtKindMaintenanceList {
		return Maintenance{}, false
	}
	r := extReader{m, ExtIndexData}
	item := func(l ExtList, n int) MaintenanceItem {
		s := func(f ExtField) string { return r.str(l, n, f) }
		return MaintenanceItem{
			ID: s(ExtMaintenanceID), Name: s(extName), Lang: s(extLang), PollType: s(ExtPollType),
			Environment: s(ExtEnvironment), EnvironmentName: s(ExtEnvironmentName), Start: s(ExtStart), End: s(ExtEnd),
			Reason: s(ExtReason), Detail: s(ExtDetail), Created: s(ExtCreated), Updated: s(ExtUpdated),
			Connection: r.flag(l, n, ExtConnection), Implementation: r.flag(l, n, ExtImplementation),
		}
	}
	out := Maintenance{Kind: k, Item: item(ExtListSelf, 0)}
	out.IsList = k == ExtKindMaintenanceList || (k == ExtKindMaintenanceInfo && out.Item.ID == "")
	for n := range r.count(ExtListMaintenanceTypes) {
		out.Item.Types = append(out.Item.Types, LangText{r.str(ExtListMaintenanceTypes, n, extText), r.str(ExtListMaintenanceTypes, n, extLang)})
	}
	for n := range r.count(ExtListMaintenanceSystems) {
		l := ExtListMaintenanceSystems
		out.Item.Systems = append(out.Item.Systems, MaintenanceSystem{r.str(l, n, extName), r.str(l, n, ExtHost), r.str(l, n, ExtImpact)})
	}
	for n := range r.count(ExtListMaintenanceDescriptions) {
		l := ExtListMaintenanceDescriptions
		out.Item.Descriptions = append(out.Item.Descriptions, MaintenanceDescription{r.str(l, n, extText), r.str(l, n, extLang), r.str(l, n, ExtContentType)})
	}
	for n := range r.count(ExtListMaintenanceTlds) {
		out.Item.TLDs = append(out.Item.TLDs, r.str(ExtListMaintenanceTlds, n, extText))
	}
	for n := range r.count(ExtListMaintenanceListItems) {
		out.List = append(out.List, item(ExtListMaintenanceListItems, n))
	}
	return out, true
}
