package entitlements

// Status is how sure the rules are that a family can get something.
type Status string

const (
	Eligible      Status = "eligible"
	MayBeEligible Status = "may_be_eligible"
	Check         Status = "check"
	NotEligible   Status = "not_eligible"
)

// Kind says whether an outcome is money or help the family can get, a duty they must meet, or advice.
type Kind string

const (
	Entitlement Kind = "entitlement"
	Duty        Kind = "duty"
	Advice      Kind = "advice"
)

// Group is the heading an outcome is shown under.
type Group string

const (
	Money           Group = "money"
	Therapy         Group = "therapy"
	Education       Group = "education"
	Legal           Group = "legal"
	Support         Group = "support"
	Work            Group = "work"
	OutsideEnglandG Group = "outside_england"
)

// Source is where a rule or figure comes from, and when someone last checked it.
type Source struct {
	Title   string `json:"title"`
	URL     string `json:"url"`
	Date    string `json:"date"`    // the source's own date, or "undated"
	Checked string `json:"checked"` // YYYY-MM-DD
}

// Figure is an amount shown with an outcome.
type Figure struct {
	Label     string `json:"label"`
	Pence     int64  `json:"pence"`
	Per       string `json:"per"` // week, month, year, one_off
	Period    string `json:"period"`
	Confirmed bool   `json:"confirmed"`
}

// Outcome is one entitlement, duty or piece of advice, worked out for one family.
type Outcome struct {
	ID          string   `json:"id"`
	Kind        Kind     `json:"kind"`
	Status      Status   `json:"status"`
	Title       string   `json:"title"`
	Summary     string   `json:"summary"`
	Why         []string `json:"why"`
	WouldChange []string `json:"would_change"`
	NextSteps   []string `json:"next_steps"`
	Sources     []Source `json:"sources"`
	Requests    []string `json:"requests"`
	Figures     []Figure `json:"figures,omitempty"`
	Group       Group    `json:"group"`
	// Unanswered lists the answer keys that made this outcome "check".
	Unanswered []string `json:"unanswered,omitempty"`
	// Starts and Ends are the dates a rule starts or stops applying, where known, so a screen can
	// say "this may be out of date" when one has passed since the sources were checked.
	Starts string `json:"starts,omitempty"`
	Ends   string `json:"ends,omitempty"`
}

// Report is the whole assessment as the spec's JSON gives it.
type Report struct {
	AsOf        string       `json:"as_of"`
	Arrangement string       `json:"arrangement"`
	KinshipCare bool         `json:"kinship_care"`
	Outcomes    []Outcome    `json:"outcomes"`
	Money       MoneySummary `json:"money"`
	Unanswered  []string     `json:"unanswered"`
	// Asks says, for each unanswered key, the key to ask now: itself, the key its "with ..."
	// condition waits on, or "" when it cannot be asked (askable.go). Not part of the output;
	// nil asks every unanswered key.
	Asks map[string]string `json:"-"`
}

// Arrangement ids.
const (
	ArrInformal       = "informal_kinship_care"
	ArrPrivateFoster  = "private_fostering"
	ArrKinshipFoster  = "kinship_foster_care"
	ArrSpecialGuard   = "special_guardianship"
	ArrChildArrange   = "child_arrangements"
	ArrAdoption       = "kinship_adoption"
	ArrGuardianship   = "guardianship"
	ArrNotKinship     = "not_kinship_care"
	ArrOutsideEngland = "outside_england"
	ArrUnknown        = "unknown"
)

// RequestIDs are the letters the spec defines, in its order.
var RequestIDs = []string{
	"virtual_school_advice", "sg_support_assessment", "asgsf_assessment", "fostering_allowance_review",
	"child_in_need_assessment", "local_offer_copy", "private_fostering_notice", "school_pupil_premium_plus",
	"legal_advice_funding", "cao_allowance", "kinship_allowance_pilot", "flexible_working", "parental_leave",
	"adoption_support_assessment", "looked_after_status_enquiry",
}
